-- schema grants: USAGE on one schema to corpus_reader, USAGE and CREATE on another to PUBLIC, one revoked
-- from
CREATE SCHEMA core;
CREATE SCHEMA metrics;
CREATE SCHEMA raw;
GRANT USAGE ON SCHEMA raw TO corpus_reader;
CREATE TABLE core.agents (symbol text PRIMARY KEY);
-- to
CREATE SCHEMA core;
CREATE SCHEMA metrics;
CREATE SCHEMA raw;
GRANT USAGE ON SCHEMA core TO corpus_reader;
GRANT USAGE, CREATE ON SCHEMA metrics TO PUBLIC;
CREATE TABLE core.agents (symbol text PRIMARY KEY);
