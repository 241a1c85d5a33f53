-- a standalone index on one partition only (not on the parent); the parent's own index is the same on both sides
-- from
CREATE SCHEMA raw;
CREATE TABLE raw.api_events (
    id bigint NOT NULL,
    fetched_at timestamptz NOT NULL,
    endpoint text NOT NULL,
    status_code integer NOT NULL
) PARTITION BY RANGE (fetched_at);
CREATE TABLE raw.api_events_w01 PARTITION OF raw.api_events
    FOR VALUES FROM ('2025-01-06 00:00:00+00') TO ('2025-01-13 00:00:00+00');
CREATE TABLE raw.api_events_w02 PARTITION OF raw.api_events
    FOR VALUES FROM ('2025-01-13 00:00:00+00') TO ('2025-01-20 00:00:00+00');
CREATE INDEX api_events_fetched_at ON raw.api_events (fetched_at);
-- to
CREATE SCHEMA raw;
CREATE TABLE raw.api_events (
    id bigint NOT NULL,
    fetched_at timestamptz NOT NULL,
    endpoint text NOT NULL,
    status_code integer NOT NULL
) PARTITION BY RANGE (fetched_at);
CREATE TABLE raw.api_events_w01 PARTITION OF raw.api_events
    FOR VALUES FROM ('2025-01-06 00:00:00+00') TO ('2025-01-13 00:00:00+00');
CREATE TABLE raw.api_events_w02 PARTITION OF raw.api_events
    FOR VALUES FROM ('2025-01-13 00:00:00+00') TO ('2025-01-20 00:00:00+00');
CREATE INDEX api_events_fetched_at ON raw.api_events (fetched_at);
CREATE INDEX api_events_w02_failures ON raw.api_events_w02 (endpoint) WHERE status_code >= 400;
