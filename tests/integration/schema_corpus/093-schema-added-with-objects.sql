-- a schema is added with its objects: a table, a view, a sequence, a function and a type
-- from
CREATE SCHEMA raw;
CREATE TABLE raw.api_events (
    id bigint PRIMARY KEY,
    endpoint text NOT NULL,
    payload jsonb NOT NULL
);
-- to
CREATE SCHEMA raw;
CREATE TABLE raw.api_events (
    id bigint PRIMARY KEY,
    endpoint text NOT NULL,
    payload jsonb NOT NULL
);
CREATE SCHEMA core;
CREATE TYPE core.nav_status AS ENUM ('docked', 'in_orbit', 'in_transit');
CREATE SEQUENCE core.ship_seq;
CREATE TABLE core.ships (
    id integer PRIMARY KEY DEFAULT nextval('core.ship_seq'),
    symbol text NOT NULL,
    nav core.nav_status NOT NULL DEFAULT 'docked'
);
CREATE VIEW core.v_in_transit AS
    SELECT symbol FROM core.ships WHERE nav = 'in_transit';
CREATE FUNCTION core.ship_count() RETURNS bigint
    LANGUAGE sql STABLE
    AS $$ SELECT count(*) FROM core.ships $$;
