-- c(a int) as a standalone table on one side, c() INHERITS (p) where p has column a on the other
-- from
CREATE TABLE ship_parts (
    part_no integer NOT NULL
);
CREATE TABLE engines (
    part_no integer NOT NULL
);
-- to
CREATE TABLE ship_parts (
    part_no integer NOT NULL
);
CREATE TABLE engines () INHERITS (ship_parts);
