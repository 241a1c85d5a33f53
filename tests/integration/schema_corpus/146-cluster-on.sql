-- CLUSTER ON: one table marked on a new index, one on its primary key (and the marks removed the other way)
-- from
CREATE SCHEMA core;
CREATE TABLE core.events (
    id bigint PRIMARY KEY,
    at timestamptz NOT NULL,
    kind text NOT NULL
);
CREATE TABLE core.agents (
    symbol text PRIMARY KEY,
    credits bigint NOT NULL DEFAULT 0
);
-- to
CREATE SCHEMA core;
CREATE TABLE core.events (
    id bigint PRIMARY KEY,
    at timestamptz NOT NULL,
    kind text NOT NULL
);
CREATE INDEX events_at_idx ON core.events (at);
ALTER TABLE core.events CLUSTER ON events_at_idx;
CREATE TABLE core.agents (
    symbol text PRIMARY KEY,
    credits bigint NOT NULL DEFAULT 0
);
ALTER TABLE core.agents CLUSTER ON agents_pkey;
