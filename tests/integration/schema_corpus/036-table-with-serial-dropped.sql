-- a table with serial and bigserial columns is dropped (its owned sequences go too); another table stays
-- from
CREATE TABLE rolls (
    id serial PRIMARY KEY,
    game_id uuid NOT NULL,
    roll_seq bigserial NOT NULL,
    roll_type text NOT NULL,
    d6_one smallint NOT NULL,
    d6_two smallint NOT NULL
);
CREATE TABLE games (
    id uuid PRIMARY KEY,
    league_id text NOT NULL
);
-- to
CREATE TABLE games (
    id uuid PRIMARY KEY,
    league_id text NOT NULL
);
