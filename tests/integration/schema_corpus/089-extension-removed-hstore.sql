-- an extension (hstore) is removed along with the column and index that used it; pgstattuple is removed too
-- from
CREATE EXTENSION hstore;
CREATE EXTENSION pgstattuple;
CREATE TABLE game_config (
    key varchar(50) PRIMARY KEY,
    value jsonb NOT NULL,
    tags hstore
);
CREATE INDEX game_config_tags ON game_config USING gin (tags);
-- to
CREATE TABLE game_config (
    key varchar(50) PRIMARY KEY,
    value jsonb NOT NULL
);
