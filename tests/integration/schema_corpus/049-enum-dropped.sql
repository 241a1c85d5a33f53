-- an enum type is dropped: its column becomes text with a check constraint instead
-- from
CREATE TYPE league AS ENUM ('sba', 'pd');
CREATE TABLE games (
    id uuid PRIMARY KEY,
    league_id league NOT NULL
);
INSERT INTO games VALUES ('7f3c0000-0000-4000-8000-000000000001', 'pd');
-- to
CREATE TABLE games (
    id uuid PRIMARY KEY,
    league_id text NOT NULL CONSTRAINT games_league_id_check CHECK (league_id IN ('sba', 'pd'))
);
INSERT INTO games VALUES ('7f3c0000-0000-4000-8000-000000000001', 'pd');
