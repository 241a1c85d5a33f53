-- a referenced table is dropped while the referencing table stays and loses its foreign key (and the index on the FK column stays)
-- from
CREATE SCHEMA core;
CREATE TABLE core.fleets (
    id integer PRIMARY KEY,
    name text NOT NULL
);
CREATE TABLE core.ships (
    id integer PRIMARY KEY,
    fleet_id integer CONSTRAINT ships_fleet_id_fkey REFERENCES core.fleets (id),
    symbol text NOT NULL
);
CREATE INDEX ships_fleet_id ON core.ships (fleet_id);
-- to
CREATE SCHEMA core;
CREATE TABLE core.ships (
    id integer PRIMARY KEY,
    fleet_id integer,
    symbol text NOT NULL
);
CREATE INDEX ships_fleet_id ON core.ships (fleet_id);
