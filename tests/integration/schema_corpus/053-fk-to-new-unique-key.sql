-- a foreign key is added that references a unique constraint added in the same change
-- from
CREATE SCHEMA core;
CREATE TABLE core.ships (
    id integer PRIMARY KEY,
    symbol text NOT NULL
);
CREATE TABLE core.cargo (
    id integer PRIMARY KEY,
    ship_symbol text NOT NULL,
    good text NOT NULL,
    units integer NOT NULL
);
-- to
CREATE SCHEMA core;
CREATE TABLE core.ships (
    id integer PRIMARY KEY,
    symbol text NOT NULL,
    CONSTRAINT ships_symbol_key UNIQUE (symbol)
);
CREATE TABLE core.cargo (
    id integer PRIMARY KEY,
    ship_symbol text NOT NULL,
    good text NOT NULL,
    units integer NOT NULL,
    CONSTRAINT cargo_ship_symbol_fkey FOREIGN KEY (ship_symbol) REFERENCES core.ships (symbol)
);
