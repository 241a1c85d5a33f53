-- expression indexes: lower(name), a jsonb path and a date_trunc in UTC are added
-- from
CREATE SCHEMA raw;
CREATE TABLE raw.api_events (
    id bigint PRIMARY KEY,
    fetched_at timestamptz NOT NULL,
    endpoint text NOT NULL,
    payload jsonb NOT NULL
);
-- to
CREATE SCHEMA raw;
CREATE TABLE raw.api_events (
    id bigint PRIMARY KEY,
    fetched_at timestamptz NOT NULL,
    endpoint text NOT NULL,
    payload jsonb NOT NULL
);
CREATE INDEX api_events_endpoint_lower ON raw.api_events (lower(endpoint));
CREATE INDEX api_events_error_code ON raw.api_events (((payload -> 'error' ->> 'code')::integer)) WHERE payload ? 'error';
CREATE INDEX api_events_hour ON raw.api_events ((date_trunc('hour', fetched_at AT TIME ZONE 'UTC')));
