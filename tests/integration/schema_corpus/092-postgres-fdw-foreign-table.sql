-- postgres_fdw with a foreign server, a user mapping for PUBLIC and a foreign table reading last week's database
-- from
CREATE SCHEMA core;
CREATE TABLE core.agents (
    symbol text PRIMARY KEY,
    credits bigint NOT NULL DEFAULT 0
);
-- to
CREATE SCHEMA core;
CREATE SCHEMA last_week;
CREATE EXTENSION postgres_fdw;
CREATE SERVER previous_reset FOREIGN DATA WRAPPER postgres_fdw
    OPTIONS (host '/tmp', dbname 'spacetraders_2025_w01', fetch_size '500');
CREATE USER MAPPING FOR PUBLIC SERVER previous_reset OPTIONS (user 'corpus_reader');
CREATE TABLE core.agents (
    symbol text PRIMARY KEY,
    credits bigint NOT NULL DEFAULT 0
);
CREATE FOREIGN TABLE last_week.agents (
    symbol text NOT NULL,
    credits bigint
) SERVER previous_reset OPTIONS (schema_name 'core', table_name 'agents');
GRANT USAGE ON FOREIGN SERVER previous_reset TO corpus_reader;
