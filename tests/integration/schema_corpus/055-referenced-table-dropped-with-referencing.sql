-- a table referenced by a foreign key is dropped together with the referencing table
-- from
CREATE TABLE games (
    id uuid PRIMARY KEY,
    league_id text NOT NULL
);
CREATE TABLE rolls (
    roll_id text PRIMARY KEY,
    game_id uuid NOT NULL REFERENCES games (id) ON DELETE CASCADE,
    roll_type text NOT NULL
);
CREATE TABLE teams (
    id integer PRIMARY KEY,
    name text NOT NULL
);
-- to
CREATE TABLE teams (
    id integer PRIMARY KEY,
    name text NOT NULL
);
