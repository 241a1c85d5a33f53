-- an updatable view gains WITH LOCAL CHECK OPTION, and a view over it gets CASCADED
-- from
CREATE SCHEMA core;
CREATE TABLE core.ships (
    id integer PRIMARY KEY,
    symbol text NOT NULL,
    fuel integer NOT NULL DEFAULT 0
);
CREATE VIEW core.v_fuelled_ships AS
    SELECT id, symbol, fuel FROM core.ships WHERE fuel > 0;
CREATE VIEW core.v_full_tanks AS
    SELECT id, symbol, fuel FROM core.v_fuelled_ships WHERE fuel >= 400;
-- to
CREATE SCHEMA core;
CREATE TABLE core.ships (
    id integer PRIMARY KEY,
    symbol text NOT NULL,
    fuel integer NOT NULL DEFAULT 0
);
CREATE VIEW core.v_fuelled_ships AS
    SELECT id, symbol, fuel FROM core.ships WHERE fuel > 0
    WITH LOCAL CHECK OPTION;
CREATE VIEW core.v_full_tanks AS
    SELECT id, symbol, fuel FROM core.v_fuelled_ships WHERE fuel >= 400
    WITH CASCADED CHECK OPTION;
