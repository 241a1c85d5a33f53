-- an enum gains a value in the middle (ADD VALUE ... BEFORE) and another at the start; a table uses it
-- from
CREATE SCHEMA core;
CREATE TYPE core.ship_role AS ENUM ('hauler', 'explorer', 'miner');
CREATE TABLE core.ships (
    id integer PRIMARY KEY,
    role core.ship_role NOT NULL
);
INSERT INTO core.ships VALUES (1, 'hauler'), (2, 'miner');
-- to
CREATE SCHEMA core;
CREATE TYPE core.ship_role AS ENUM ('command', 'hauler', 'surveyor', 'explorer', 'miner');
CREATE TABLE core.ships (
    id integer PRIMARY KEY,
    role core.ship_role NOT NULL
);
