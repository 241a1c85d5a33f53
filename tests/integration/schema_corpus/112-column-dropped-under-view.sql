-- a column read by a view (and by a view on that view) is dropped; the views stop reading it
-- from
CREATE TABLE ships (
    id uuid PRIMARY KEY,
    name varchar(32) NOT NULL,
    ship_class varchar(32) NOT NULL DEFAULT 'fast_frigate',
    legacy_hull_code text
);
CREATE VIEW v_ships AS
    SELECT id, name, ship_class, legacy_hull_code FROM ships;
CREATE VIEW v_frigates AS
    SELECT id, name, legacy_hull_code FROM v_ships WHERE ship_class = 'fast_frigate';
-- to
CREATE TABLE ships (
    id uuid PRIMARY KEY,
    name varchar(32) NOT NULL,
    ship_class varchar(32) NOT NULL DEFAULT 'fast_frigate'
);
CREATE VIEW v_ships AS
    SELECT id, name, ship_class FROM ships;
CREATE VIEW v_frigates AS
    SELECT id, name FROM v_ships WHERE ship_class = 'fast_frigate';
