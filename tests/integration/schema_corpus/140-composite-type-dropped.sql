-- a composite type no column uses any more, dropped (as a type: DROP DOMAIN refuses it), and made back
-- from
CREATE SCHEMA core;
CREATE TYPE core.cargo_item AS (
    symbol text,
    units integer
);
CREATE TABLE core.ships (
    symbol text PRIMARY KEY,
    fuel integer NOT NULL DEFAULT 0
);
-- to
CREATE SCHEMA core;
CREATE TABLE core.ships (
    symbol text PRIMARY KEY,
    fuel integer NOT NULL DEFAULT 0
);
