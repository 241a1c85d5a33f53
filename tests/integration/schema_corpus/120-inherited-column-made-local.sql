-- a child's column only inherited on one side, declared by the child too (local and inherited) on the other
-- from
CREATE TABLE ship_parts (
    part_no integer NOT NULL
);
CREATE TABLE thrusters (
    thrust integer
) INHERITS (ship_parts);
INSERT INTO ship_parts VALUES (1);
INSERT INTO thrusters VALUES (2, 500), (3, 650);
-- to
CREATE TABLE ship_parts (
    part_no integer NOT NULL
);
CREATE TABLE thrusters (
    part_no integer NOT NULL,
    thrust integer
) INHERITS (ship_parts);
INSERT INTO thrusters VALUES (4, 700);
