-- one side empty: the other has the SpaceTraders week layout (raw/core/metrics schemas, tables, a view, a matview, a function)
-- from
-- to
CREATE SCHEMA raw;
CREATE SCHEMA core;
CREATE SCHEMA metrics;
CREATE TABLE raw.api_events (
    id bigserial PRIMARY KEY,
    fetched_at timestamptz NOT NULL DEFAULT now(),
    endpoint text NOT NULL,
    request_key text,
    status_code integer NOT NULL,
    payload jsonb NOT NULL,
    payload_hash text NOT NULL
);
CREATE TABLE core.agents (
    symbol text PRIMARY KEY,
    headquarters text NOT NULL,
    credits bigint NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE core.ships (
    symbol text PRIMARY KEY,
    agent_symbol text NOT NULL REFERENCES core.agents (symbol),
    role text NOT NULL,
    fuel_current integer NOT NULL DEFAULT 0,
    fuel_capacity integer NOT NULL DEFAULT 0,
    cargo_units integer NOT NULL DEFAULT 0
);
CREATE VIEW core.v_ship_status AS
    SELECT s.symbol, s.role, s.fuel_current, a.credits
    FROM core.ships s JOIN core.agents a ON a.symbol = s.agent_symbol;
CREATE MATERIALIZED VIEW metrics.requests_per_hour AS
    SELECT date_trunc('hour', fetched_at) AS hour, count(*) AS requests,
           count(*) FILTER (WHERE status_code = 429) AS throttled
    FROM raw.api_events GROUP BY 1;
CREATE UNIQUE INDEX requests_per_hour_hour ON metrics.requests_per_hour (hour);
CREATE FUNCTION raw.latest_payload(p_endpoint text) RETURNS jsonb
    LANGUAGE sql STABLE
    AS $$ SELECT payload FROM raw.api_events WHERE endpoint = p_endpoint ORDER BY fetched_at DESC, id DESC LIMIT 1 $$;
