-- a SQL-language function whose body reads a table is added; a view calls the function
-- from
CREATE SCHEMA core;
CREATE TABLE core.ships (
    id integer PRIMARY KEY,
    agent text NOT NULL,
    fuel integer NOT NULL DEFAULT 0
);
-- to
CREATE SCHEMA core;
CREATE TABLE core.ships (
    id integer PRIMARY KEY,
    agent text NOT NULL,
    fuel integer NOT NULL DEFAULT 0
);
CREATE FUNCTION core.fleet_fuel(p_agent text) RETURNS bigint
    LANGUAGE sql STABLE
    AS $$ SELECT coalesce(sum(fuel), 0) FROM core.ships WHERE agent = p_agent $$;
CREATE VIEW core.v_agent_fuel AS
    SELECT DISTINCT agent, core.fleet_fuel(agent) AS fuel FROM core.ships;
