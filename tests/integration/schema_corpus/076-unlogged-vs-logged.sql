-- the same tables unlogged on one side and logged on the other (one has a bigserial, one an index)
-- from
CREATE SCHEMA raw;
CREATE UNLOGGED TABLE raw.api_events_staging (
    id bigserial PRIMARY KEY,
    fetched_at timestamptz NOT NULL,
    payload jsonb NOT NULL
);
CREATE TABLE raw.rate_limits (
    endpoint text PRIMARY KEY,
    reset_at timestamptz
);
CREATE INDEX rate_limits_reset ON raw.rate_limits (reset_at);
-- to
CREATE SCHEMA raw;
CREATE TABLE raw.api_events_staging (
    id bigserial PRIMARY KEY,
    fetched_at timestamptz NOT NULL,
    payload jsonb NOT NULL
);
CREATE UNLOGGED TABLE raw.rate_limits (
    endpoint text PRIMARY KEY,
    reset_at timestamptz
);
CREATE INDEX rate_limits_reset ON raw.rate_limits (reset_at);
