-- a parent's column that its child only inherits goes from the parent, while the child keeps it as its own: the child's values must stay (ALTER TABLE ONLY)
-- from
CREATE TABLE ship_parts (
    part_no integer NOT NULL,
    maker text
);
CREATE TABLE hulls (
    armour integer
) INHERITS (ship_parts);
INSERT INTO ship_parts VALUES (1, 'Acme');
INSERT INTO hulls VALUES (2, 'Orbital Works', 40), (3, 'Deepyard', 55);
-- to
CREATE TABLE ship_parts (
    part_no integer NOT NULL
);
CREATE TABLE hulls (
    maker text,
    armour integer
) INHERITS (ship_parts);
INSERT INTO hulls VALUES (9, 'Elsewhere', 10);
