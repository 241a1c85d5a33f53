-- a new child table whose inherited column has a default of its own (CREATE TABLE ... INHERITS copies the parent's)
-- from
CREATE SCHEMA core;
CREATE TABLE core.events (
    id bigint NOT NULL,
    kind text NOT NULL DEFAULT 'generic',
    at timestamptz NOT NULL DEFAULT now()
);
-- to
CREATE SCHEMA core;
CREATE TABLE core.events (
    id bigint NOT NULL,
    kind text NOT NULL DEFAULT 'generic',
    at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE core.market_events (
    good text NOT NULL
) INHERITS (core.events);
ALTER TABLE core.market_events ALTER COLUMN kind SET DEFAULT 'market';
