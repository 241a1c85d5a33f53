-- Owners: a schema, a table with a serial (its sequence goes with it), a sequence, a view, a materialized view, a function, an aggregate, an enum, a domain, a composite type, a collation and a statistics object given to another role
-- from
CREATE SCHEMA core;
CREATE SCHEMA market;
CREATE TYPE core.ship_role AS ENUM ('command', 'hauler', 'excavator');
CREATE DOMAIN core.credits AS bigint CHECK (VALUE >= 0);
CREATE TYPE core.waypoint AS (system text, symbol text);
CREATE COLLATION core.symbols (provider = icu, locale = 'und', deterministic = false);
CREATE SEQUENCE core.contract_numbers START 100;
CREATE TABLE core.ships (
    id serial PRIMARY KEY,
    symbol text COLLATE core.symbols NOT NULL,
    role core.ship_role NOT NULL,
    fuel integer NOT NULL DEFAULT 0,
    cargo integer NOT NULL DEFAULT 0
);
CREATE STATISTICS core.ships_fuel_cargo ON fuel, cargo FROM core.ships;
CREATE TABLE market.trades (
    id bigint PRIMARY KEY,
    price core.credits NOT NULL
);
CREATE VIEW core.haulers AS SELECT id, symbol FROM core.ships WHERE role = 'hauler';
CREATE MATERIALIZED VIEW market.prices AS SELECT count(*) AS trades, sum(price) AS total FROM market.trades;
CREATE FUNCTION core.fuel_left(ship integer) RETURNS integer LANGUAGE sql STABLE
    AS $$ SELECT fuel FROM core.ships WHERE id = ship $$;
CREATE AGGREGATE core.total_fuel(integer) (SFUNC = int4pl, STYPE = integer, INITCOND = '0');
INSERT INTO core.ships (symbol, role, fuel) VALUES ('ALPHA-1', 'command', 400), ('ALPHA-2', 'hauler', 80);
INSERT INTO market.trades VALUES (1, 250), (2, 90);
-- to
CREATE SCHEMA core;
CREATE SCHEMA market;
CREATE TYPE core.ship_role AS ENUM ('command', 'hauler', 'excavator');
CREATE DOMAIN core.credits AS bigint CHECK (VALUE >= 0);
CREATE TYPE core.waypoint AS (system text, symbol text);
CREATE COLLATION core.symbols (provider = icu, locale = 'und', deterministic = false);
CREATE SEQUENCE core.contract_numbers START 100;
CREATE TABLE core.ships (
    id serial PRIMARY KEY,
    symbol text COLLATE core.symbols NOT NULL,
    role core.ship_role NOT NULL,
    fuel integer NOT NULL DEFAULT 0,
    cargo integer NOT NULL DEFAULT 0
);
CREATE STATISTICS core.ships_fuel_cargo ON fuel, cargo FROM core.ships;
CREATE TABLE market.trades (
    id bigint PRIMARY KEY,
    price core.credits NOT NULL
);
CREATE VIEW core.haulers AS SELECT id, symbol FROM core.ships WHERE role = 'hauler';
CREATE MATERIALIZED VIEW market.prices AS SELECT count(*) AS trades, sum(price) AS total FROM market.trades;
CREATE FUNCTION core.fuel_left(ship integer) RETURNS integer LANGUAGE sql STABLE
    AS $$ SELECT fuel FROM core.ships WHERE id = ship $$;
CREATE AGGREGATE core.total_fuel(integer) (SFUNC = int4pl, STYPE = integer, INITCOND = '0');
INSERT INTO core.ships (symbol, role, fuel) VALUES ('ALPHA-1', 'command', 400), ('ALPHA-2', 'hauler', 80);
INSERT INTO market.trades VALUES (1, 250), (2, 90);
ALTER SCHEMA market OWNER TO corpus_other;
ALTER TYPE core.ship_role OWNER TO corpus_other;
ALTER DOMAIN core.credits OWNER TO corpus_other;
ALTER TYPE core.waypoint OWNER TO corpus_other;
ALTER COLLATION core.symbols OWNER TO corpus_other;
ALTER SEQUENCE core.contract_numbers OWNER TO corpus_other;
ALTER TABLE core.ships OWNER TO corpus_other;
ALTER STATISTICS core.ships_fuel_cargo OWNER TO corpus_other;
ALTER VIEW core.haulers OWNER TO corpus_other;
ALTER MATERIALIZED VIEW market.prices OWNER TO corpus_other;
ALTER FUNCTION core.fuel_left(integer) OWNER TO corpus_other;
ALTER AGGREGATE core.total_fuel(integer) OWNER TO corpus_other;
