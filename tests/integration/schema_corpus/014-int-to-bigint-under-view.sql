-- a column goes from integer to bigint while a view (and a view on that view) read it
-- from
CREATE SCHEMA core;
CREATE TABLE core.ships (
    id integer PRIMARY KEY,
    symbol text NOT NULL,
    cargo_units integer NOT NULL DEFAULT 0
);
INSERT INTO core.ships VALUES (1, 'ARROW-1', 30), (2, 'ARROW-2', 0);
CREATE VIEW core.v_cargo AS
    SELECT id, symbol, cargo_units FROM core.ships;
CREATE VIEW core.v_cargo_total AS
    SELECT sum(cargo_units) AS total FROM core.v_cargo;
-- to
CREATE SCHEMA core;
CREATE TABLE core.ships (
    id integer PRIMARY KEY,
    symbol text NOT NULL,
    cargo_units bigint NOT NULL DEFAULT 0
);
INSERT INTO core.ships VALUES (1, 'ARROW-1', 30), (2, 'ARROW-2', 0);
CREATE VIEW core.v_cargo AS
    SELECT id, symbol, cargo_units FROM core.ships;
CREATE VIEW core.v_cargo_total AS
    SELECT sum(cargo_units) AS total FROM core.v_cargo;
