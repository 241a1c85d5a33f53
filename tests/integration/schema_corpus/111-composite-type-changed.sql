-- a composite type gains an attribute and a function returning SETOF it changes with it; a table column uses another composite type
-- from
CREATE SCHEMA core;
CREATE TYPE core.vec3 AS (x double precision, y double precision, z double precision);
CREATE TYPE core.ship_state AS (ship_id uuid, fuel double precision);
CREATE TABLE core.bodies (
    name text PRIMARY KEY,
    position core.vec3 NOT NULL
);
CREATE TABLE core.snapshots (
    id integer PRIMARY KEY,
    state jsonb NOT NULL
);
CREATE FUNCTION core.snapshot_ships(p_id integer) RETURNS SETOF core.ship_state
    LANGUAGE sql STABLE
    AS $$
    SELECT (s ->> 'ship_id')::uuid, (s ->> 'fuel')::double precision
    FROM core.snapshots, jsonb_array_elements(state -> 'ships') AS s
    WHERE id = p_id
$$;
-- to
CREATE SCHEMA core;
CREATE TYPE core.vec3 AS (x double precision, y double precision, z double precision);
CREATE TYPE core.ship_state AS (ship_id uuid, fuel double precision, thrust_level double precision);
CREATE TABLE core.bodies (
    name text PRIMARY KEY,
    position core.vec3 NOT NULL,
    velocity core.vec3
);
CREATE TABLE core.snapshots (
    id integer PRIMARY KEY,
    state jsonb NOT NULL
);
CREATE FUNCTION core.snapshot_ships(p_id integer) RETURNS SETOF core.ship_state
    LANGUAGE sql STABLE
    AS $$
    SELECT (s ->> 'ship_id')::uuid, (s ->> 'fuel')::double precision, (s ->> 'thrust_level')::double precision
    FROM core.snapshots, jsonb_array_elements(state -> 'ships') AS s
    WHERE id = p_id
$$;
