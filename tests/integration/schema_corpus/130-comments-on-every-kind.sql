-- comments (as SQLAlchemy and Alembic write them from comment=) added, changed and dropped on a schema, a table, columns, a view, a materialized view, an index, a constraint, a trigger, a policy, a function, a domain, an enum and a sequence; one with a quote and a backslash
-- from
CREATE SCHEMA core;
COMMENT ON SCHEMA core IS 'game state';
CREATE TYPE core.ship_role AS ENUM ('miner', 'hauler');
CREATE DOMAIN core.credits AS bigint CHECK (VALUE >= 0);
COMMENT ON DOMAIN core.credits IS 'never negative';
CREATE SEQUENCE core.ticket_seq;
CREATE TABLE core.ships (
    id integer PRIMARY KEY,
    symbol text NOT NULL,
    role core.ship_role,
    fuel integer NOT NULL DEFAULT 0,
    CONSTRAINT fuel_positive CHECK (fuel >= 0)
);
COMMENT ON TABLE core.ships IS 'one row per ship';
COMMENT ON COLUMN core.ships.fuel IS 'units';
COMMENT ON COLUMN core.ships.symbol IS 'as the API says it';
COMMENT ON CONSTRAINT fuel_positive ON core.ships IS 'the API never reports less';
CREATE INDEX ships_symbol ON core.ships (symbol);
CREATE VIEW core.v_ships AS SELECT id, symbol FROM core.ships;
COMMENT ON VIEW core.v_ships IS 'for the dashboard';
CREATE MATERIALIZED VIEW core.m_fuel AS SELECT sum(fuel) AS fuel FROM core.ships;
CREATE FUNCTION core.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER ships_touch BEFORE UPDATE ON core.ships FOR EACH ROW EXECUTE FUNCTION core.touch();
COMMENT ON TRIGGER ships_touch ON core.ships IS 'keeps updated_at';
ALTER TABLE core.ships ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON core.ships USING (true);
INSERT INTO core.ships VALUES (1, 'A-1', 'miner', 10), (2, 'B-2', NULL, 0);
-- to
CREATE SCHEMA core;
COMMENT ON SCHEMA core IS 'game state, week by week';
CREATE TYPE core.ship_role AS ENUM ('miner', 'hauler');
COMMENT ON TYPE core.ship_role IS 'what a ship does';
CREATE DOMAIN core.credits AS bigint CHECK (VALUE >= 0);
CREATE SEQUENCE core.ticket_seq;
COMMENT ON SEQUENCE core.ticket_seq IS 'support tickets';
CREATE TABLE core.ships (
    id integer PRIMARY KEY,
    symbol text NOT NULL,
    role core.ship_role,
    fuel integer NOT NULL DEFAULT 0,
    CONSTRAINT fuel_positive CHECK (fuel >= 0)
);
COMMENT ON TABLE core.ships IS 'one row per ship; it''s the API''s \ symbol';
COMMENT ON COLUMN core.ships.fuel IS 'units';
COMMENT ON COLUMN core.ships.role IS 'null until assigned';
CREATE INDEX ships_symbol ON core.ships (symbol);
COMMENT ON INDEX core.ships_symbol IS 'lookups by symbol';
CREATE VIEW core.v_ships AS SELECT id, symbol FROM core.ships;
COMMENT ON VIEW core.v_ships IS 'for the dashboards';
CREATE MATERIALIZED VIEW core.m_fuel AS SELECT sum(fuel) AS fuel FROM core.ships;
COMMENT ON MATERIALIZED VIEW core.m_fuel IS 'refreshed hourly';
CREATE FUNCTION core.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
COMMENT ON FUNCTION core.touch() IS 'trigger function';
CREATE TRIGGER ships_touch BEFORE UPDATE ON core.ships FOR EACH ROW EXECUTE FUNCTION core.touch();
ALTER TABLE core.ships ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON core.ships USING (true);
COMMENT ON POLICY own ON core.ships IS 'everyone, for now';
INSERT INTO core.ships VALUES (3, 'C-3', 'hauler', 5);
