-- a view that reads another view is dropped; the view it reads stays
-- from
CREATE SCHEMA core;
CREATE TABLE core.ships (
    id integer PRIMARY KEY,
    symbol text NOT NULL,
    fuel integer NOT NULL DEFAULT 0,
    docked boolean NOT NULL DEFAULT false
);
CREATE VIEW core.v_ships AS
    SELECT id, symbol, fuel, docked FROM core.ships;
CREATE VIEW core.v_docked_ships AS
    SELECT id, symbol FROM core.v_ships WHERE docked;
-- to
CREATE SCHEMA core;
CREATE TABLE core.ships (
    id integer PRIMARY KEY,
    symbol text NOT NULL,
    fuel integer NOT NULL DEFAULT 0,
    docked boolean NOT NULL DEFAULT false
);
CREATE VIEW core.v_ships AS
    SELECT id, symbol, fuel, docked FROM core.ships;
