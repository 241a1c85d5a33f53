-- table and sequence grants: SELECT to PUBLIC, SELECT/INSERT to corpus_reader, one grant revoked, sequence USAGE
-- from
CREATE SCHEMA core;
CREATE TABLE core.ships (
    id serial PRIMARY KEY,
    symbol text NOT NULL
);
CREATE TABLE core.agents (
    symbol text PRIMARY KEY,
    credits bigint NOT NULL DEFAULT 0
);
GRANT SELECT, UPDATE ON core.agents TO corpus_reader;
-- to
CREATE SCHEMA core;
CREATE TABLE core.ships (
    id serial PRIMARY KEY,
    symbol text NOT NULL
);
CREATE TABLE core.agents (
    symbol text PRIMARY KEY,
    credits bigint NOT NULL DEFAULT 0
);
GRANT SELECT ON core.ships TO PUBLIC;
GRANT SELECT, INSERT ON core.ships TO corpus_reader;
GRANT USAGE, SELECT ON SEQUENCE core.ships_id_seq TO corpus_reader;
GRANT SELECT ON core.agents TO corpus_reader;
