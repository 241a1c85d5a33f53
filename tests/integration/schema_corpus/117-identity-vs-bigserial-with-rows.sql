-- a bigint identity key on one side, a bigserial on the other (the serial's sequence has the identity's name), with rows: the counter carries over
-- from
CREATE SCHEMA core;
CREATE TABLE core.players (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL
);
INSERT INTO core.players (name) VALUES ('ada'), ('bo'), ('cy');
-- to
CREATE SCHEMA core;
CREATE TABLE core.players (
    id bigserial PRIMARY KEY,
    name text NOT NULL
);
INSERT INTO core.players (name) VALUES ('dee'), ('eve');
