-- a view renames a column (new alias) and the view reading it follows the new name
-- from
CREATE TABLE ships (
    id integer PRIMARY KEY,
    symbol text NOT NULL,
    cargo_units integer NOT NULL DEFAULT 0
);
CREATE VIEW v_ship_cargo AS
    SELECT id, symbol, cargo_units AS cargo FROM ships;
CREATE VIEW v_full_ships AS
    SELECT symbol, cargo FROM v_ship_cargo WHERE cargo >= 40;
-- to
CREATE TABLE ships (
    id integer PRIMARY KEY,
    symbol text NOT NULL,
    cargo_units integer NOT NULL DEFAULT 0
);
CREATE VIEW v_ship_cargo AS
    SELECT id, symbol, cargo_units AS cargo_used FROM ships;
CREATE VIEW v_full_ships AS
    SELECT symbol, cargo_used FROM v_ship_cargo WHERE cargo_used >= 40;
