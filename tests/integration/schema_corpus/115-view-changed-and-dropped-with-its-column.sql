-- a view whose query changes (in a way CREATE OR REPLACE could do) while a column it reads is dropped: it is made once, after the column goes
-- from
CREATE TABLE cargo_holds (
    id integer PRIMARY KEY,
    capacity integer NOT NULL,
    legacy_units integer
);
INSERT INTO cargo_holds VALUES (1, 40, 3), (2, 80, NULL), (3, 120, 7);
CREATE VIEW v_cargo_holds AS
    SELECT id, legacy_units FROM cargo_holds;
-- to
CREATE TABLE cargo_holds (
    id integer PRIMARY KEY,
    capacity integer NOT NULL
);
INSERT INTO cargo_holds VALUES (1, 40), (2, 80);
CREATE VIEW v_cargo_holds AS
    SELECT id, 0 AS legacy_units FROM cargo_holds;
