-- a new materialized view with an index on it (created WITH NO DATA on one side)
-- from
CREATE SCHEMA raw;
CREATE TABLE raw.api_events (
    id bigint PRIMARY KEY,
    fetched_at timestamptz NOT NULL,
    endpoint text NOT NULL,
    status_code integer NOT NULL
);
INSERT INTO raw.api_events VALUES
    (1, '2025-01-06 10:00+00', '/my/ships', 200),
    (2, '2025-01-06 10:01+00', '/my/agent', 429);
-- to
CREATE SCHEMA raw;
CREATE SCHEMA metrics;
CREATE TABLE raw.api_events (
    id bigint PRIMARY KEY,
    fetched_at timestamptz NOT NULL,
    endpoint text NOT NULL,
    status_code integer NOT NULL
);
CREATE MATERIALIZED VIEW metrics.failures_per_hour AS
    SELECT date_trunc('hour', fetched_at) AS hour, status_code, count(*) AS failures
    FROM raw.api_events
    WHERE status_code >= 400
    GROUP BY 1, 2
    WITH NO DATA;
CREATE UNIQUE INDEX failures_per_hour_key ON metrics.failures_per_hour (hour, status_code);
