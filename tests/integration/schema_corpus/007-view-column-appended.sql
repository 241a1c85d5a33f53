-- a view gains a column at the end (CREATE OR REPLACE VIEW can do it) while a view reads it
-- from
CREATE SCHEMA raw;
CREATE TABLE raw.api_events (
    id bigint PRIMARY KEY,
    fetched_at timestamptz NOT NULL,
    endpoint text NOT NULL,
    status_code integer NOT NULL
);
CREATE VIEW raw.v_api_events AS
    SELECT id, fetched_at, endpoint FROM raw.api_events;
CREATE VIEW raw.v_recent_endpoints AS
    SELECT DISTINCT endpoint FROM raw.v_api_events;
-- to
CREATE SCHEMA raw;
CREATE TABLE raw.api_events (
    id bigint PRIMARY KEY,
    fetched_at timestamptz NOT NULL,
    endpoint text NOT NULL,
    status_code integer NOT NULL
);
CREATE VIEW raw.v_api_events AS
    SELECT id, fetched_at, endpoint, status_code, status_code >= 400 AS failed FROM raw.api_events;
CREATE VIEW raw.v_recent_endpoints AS
    SELECT DISTINCT endpoint FROM raw.v_api_events;
