-- a foreign table's column given another type: ALTER COLUMN TYPE without USING, which foreign tables refuse
-- from
CREATE SCHEMA last_week;
CREATE EXTENSION postgres_fdw;
CREATE SERVER previous_reset FOREIGN DATA WRAPPER postgres_fdw
    OPTIONS (host '/tmp', dbname 'spacetraders_2025_w01');
CREATE FOREIGN TABLE last_week.agents (
    symbol text NOT NULL,
    credits integer
) SERVER previous_reset OPTIONS (schema_name 'core', table_name 'agents');
-- to
CREATE SCHEMA last_week;
CREATE EXTENSION postgres_fdw;
CREATE SERVER previous_reset FOREIGN DATA WRAPPER postgres_fdw
    OPTIONS (host '/tmp', dbname 'spacetraders_2025_w01');
CREATE FOREIGN TABLE last_week.agents (
    symbol text NOT NULL,
    credits bigint
) SERVER previous_reset OPTIONS (schema_name 'core', table_name 'agents');
