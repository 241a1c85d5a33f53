-- an extension at an older version on the other side while a column uses it: said NOT DONE with what uses it (backward: updated)
-- from
CREATE EXTENSION hstore VERSION '1.8';
CREATE TABLE game_config (
    key varchar(50) PRIMARY KEY,
    tags hstore
);
INSERT INTO game_config VALUES ('a', 'x=>1');
-- to
CREATE EXTENSION hstore VERSION '1.6';
CREATE TABLE game_config (
    key varchar(50) PRIMARY KEY,
    tags hstore
);
