-- a standalone sequence used by a nextval default is dropped and the column becomes a plain integer; a free sequence goes too
-- from
CREATE SEQUENCE ship_numbers AS integer START WITH 1 INCREMENT BY 1 CYCLE MAXVALUE 99999;
CREATE SEQUENCE spare_numbers;
CREATE TABLE ships (
    ship_no integer NOT NULL DEFAULT nextval('ship_numbers'),
    name text NOT NULL,
    PRIMARY KEY (ship_no)
);
-- to
CREATE TABLE ships (
    ship_no integer NOT NULL,
    name text NOT NULL,
    PRIMARY KEY (ship_no)
);
