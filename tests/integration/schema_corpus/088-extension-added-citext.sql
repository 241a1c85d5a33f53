-- an extension (citext) is added with a column using its type and a unique index on that column
-- from
CREATE TABLE players (
    player_id uuid PRIMARY KEY,
    email varchar(255)
);
-- to
CREATE EXTENSION citext;
CREATE TABLE players (
    player_id uuid PRIMARY KEY,
    email citext
);
CREATE UNIQUE INDEX players_email_key ON players (email);
