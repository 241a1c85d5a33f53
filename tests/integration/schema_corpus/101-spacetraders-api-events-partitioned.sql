-- SpaceTraders: raw.api_events (with rows, a view and a function on it) becomes range-partitioned by week on fetched_at; cannot be done in place
-- from
CREATE SCHEMA raw;
CREATE TABLE raw.api_events (
    id bigserial PRIMARY KEY,
    fetched_at timestamptz NOT NULL DEFAULT now(),
    endpoint text NOT NULL,
    request_key text,
    status_code integer NOT NULL,
    payload jsonb NOT NULL,
    payload_hash text NOT NULL
);
CREATE VIEW raw.v_failures AS
    SELECT id, fetched_at, endpoint, status_code, payload -> 'error' ->> 'message' AS message
    FROM raw.api_events WHERE status_code >= 400;
CREATE FUNCTION raw.event_count(p_endpoint text) RETURNS bigint
    LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT count(*) FROM raw.api_events WHERE endpoint = p_endpoint;
END;
INSERT INTO raw.api_events (fetched_at, endpoint, status_code, payload, payload_hash) VALUES
    ('2025-01-06 14:02:00+00', '/my/ships', 200, '{"data": [], "meta": {"total": 0, "page": 1, "limit": 20}}', 'c0ffee'),
    ('2025-01-07 09:00:00+00', '/my/ships/ARROW-1/navigate', 400, '{"error": {"message": "no fuel", "code": 4224}}', 'beef01');
-- to
CREATE SCHEMA raw;
CREATE TABLE raw.api_events (
    id bigserial NOT NULL,
    fetched_at timestamptz NOT NULL DEFAULT now(),
    endpoint text NOT NULL,
    request_key text,
    status_code integer NOT NULL,
    payload jsonb NOT NULL,
    payload_hash text NOT NULL,
    PRIMARY KEY (id, fetched_at)
) PARTITION BY RANGE (fetched_at);
CREATE TABLE raw.api_events_2025_w02 PARTITION OF raw.api_events
    FOR VALUES FROM ('2025-01-06 00:00:00+00') TO ('2025-01-13 00:00:00+00');
CREATE TABLE raw.api_events_2025_w03 PARTITION OF raw.api_events
    FOR VALUES FROM ('2025-01-13 00:00:00+00') TO ('2025-01-20 00:00:00+00');
CREATE TABLE raw.api_events_other PARTITION OF raw.api_events DEFAULT;
CREATE INDEX api_events_fetched_at ON raw.api_events (fetched_at);
CREATE VIEW raw.v_failures AS
    SELECT id, fetched_at, endpoint, status_code, payload -> 'error' ->> 'message' AS message
    FROM raw.api_events WHERE status_code >= 400;
CREATE FUNCTION raw.event_count(p_endpoint text) RETURNS bigint
    LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT count(*) FROM raw.api_events WHERE endpoint = p_endpoint;
END;
