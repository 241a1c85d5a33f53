-- an extension at an older version on the other side, used by nothing: made again at that version (backward: updated)
-- from
CREATE EXTENSION hstore VERSION '1.8';
CREATE TABLE game_config (
    key varchar(50) PRIMARY KEY,
    value jsonb NOT NULL
);
-- to
CREATE EXTENSION hstore VERSION '1.6';
CREATE TABLE game_config (
    key varchar(50) PRIMARY KEY,
    value jsonb NOT NULL
);
