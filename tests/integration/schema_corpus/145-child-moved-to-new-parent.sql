-- a child table moved to a new parent while its old parent loses a column the child keeps (its rows keep their values)
-- from
CREATE SCHEMA core;
CREATE TABLE core.events_v1 (
    id bigint NOT NULL,
    kind text NOT NULL,
    at timestamptz NOT NULL
);
CREATE TABLE core.market_events (
    good text NOT NULL
) INHERITS (core.events_v1);
-- to
CREATE SCHEMA core;
CREATE TABLE core.events_v1 (
    id bigint NOT NULL,
    at timestamptz NOT NULL
);
CREATE TABLE core.events (
    id bigint NOT NULL,
    kind text NOT NULL,
    at timestamptz NOT NULL
);
CREATE TABLE core.market_events (
    good text NOT NULL
) INHERITS (core.events);
