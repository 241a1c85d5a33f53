-- a standalone sequence used by two tables' defaults changes OWNED BY from one table's column to the other's
-- from
CREATE SCHEMA core;
CREATE SEQUENCE core.hull_numbers START WITH 1000 INCREMENT BY 1;
CREATE TABLE core.ships (
    hull_no integer PRIMARY KEY DEFAULT nextval('core.hull_numbers'),
    name text NOT NULL
);
CREATE TABLE core.wrecks (
    hull_no integer PRIMARY KEY DEFAULT nextval('core.hull_numbers'),
    lost_at timestamptz
);
ALTER SEQUENCE core.hull_numbers OWNED BY core.ships.hull_no;
-- to
CREATE SCHEMA core;
CREATE SEQUENCE core.hull_numbers START WITH 1000 INCREMENT BY 1;
CREATE TABLE core.ships (
    hull_no integer PRIMARY KEY DEFAULT nextval('core.hull_numbers'),
    name text NOT NULL
);
CREATE TABLE core.wrecks (
    hull_no integer PRIMARY KEY DEFAULT nextval('core.hull_numbers'),
    lost_at timestamptz
);
ALTER SEQUENCE core.hull_numbers OWNED BY core.wrecks.hull_no;
