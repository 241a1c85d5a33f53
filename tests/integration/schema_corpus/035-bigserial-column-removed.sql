-- a bigserial column is removed (its sequence goes with it); the primary key moves to another column
-- from
CREATE SCHEMA core;
CREATE TABLE core.agents (
    id bigserial PRIMARY KEY,
    symbol text NOT NULL UNIQUE,
    credits bigint NOT NULL DEFAULT 0
);
-- to
CREATE SCHEMA core;
CREATE TABLE core.agents (
    symbol text PRIMARY KEY,
    credits bigint NOT NULL DEFAULT 0
);
