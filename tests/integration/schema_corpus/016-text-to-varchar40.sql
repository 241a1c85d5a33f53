-- a text column becomes varchar(40), with a unique constraint and a view on it
-- from
CREATE TABLE ships (
    id integer PRIMARY KEY,
    name text NOT NULL UNIQUE,
    ship_class text NOT NULL DEFAULT 'fast_frigate'
);
INSERT INTO ships VALUES (1, 'Rocinante', 'corvette');
CREATE VIEW v_ship_names AS SELECT id, name FROM ships;
-- to
CREATE TABLE ships (
    id integer PRIMARY KEY,
    name varchar(40) NOT NULL UNIQUE,
    ship_class varchar(40) NOT NULL DEFAULT 'fast_frigate'
);
INSERT INTO ships VALUES (1, 'Rocinante', 'corvette');
CREATE VIEW v_ship_names AS SELECT id, name FROM ships;
