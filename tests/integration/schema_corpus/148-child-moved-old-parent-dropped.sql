-- a child table moved to a new parent while its old parent is dropped (its rows and columns stay)
-- from
CREATE SCHEMA core;
CREATE TABLE core.events_v1 (
    id bigint NOT NULL,
    kind text NOT NULL
);
CREATE TABLE core.market_events (
    good text NOT NULL
) INHERITS (core.events_v1);
-- to
CREATE SCHEMA core;
CREATE TABLE core.events (
    id bigint NOT NULL,
    kind text NOT NULL
);
CREATE TABLE core.market_events (
    good text NOT NULL
) INHERITS (core.events);
