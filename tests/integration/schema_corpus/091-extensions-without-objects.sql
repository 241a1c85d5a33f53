-- extensions nothing depends on: pg_stat_statements and pgstattuple added, citext (in schema ext) on both sides
-- from
CREATE SCHEMA ext;
CREATE EXTENSION citext SCHEMA ext;
CREATE TABLE agents (
    symbol ext.citext PRIMARY KEY
);
-- to
CREATE SCHEMA ext;
CREATE EXTENSION citext SCHEMA ext;
CREATE EXTENSION pg_stat_statements;
CREATE EXTENSION pgstattuple SCHEMA ext;
CREATE TABLE agents (
    symbol ext.citext PRIMARY KEY
);
