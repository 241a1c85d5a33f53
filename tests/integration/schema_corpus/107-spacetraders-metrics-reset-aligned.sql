-- SpaceTraders metrics: credits-per-hour matview (indexed, read by a view) becomes aligned on hours since the reset started, reading a new settings table
-- from
CREATE SCHEMA core;
CREATE SCHEMA metrics;
CREATE TABLE core.agent_snapshots (
    id bigserial PRIMARY KEY,
    agent_symbol text NOT NULL,
    taken_at timestamptz NOT NULL,
    credits bigint NOT NULL
);
CREATE MATERIALIZED VIEW metrics.credits_per_hour AS
    SELECT agent_symbol, date_trunc('hour', taken_at) AS hour, max(credits) AS credits
    FROM core.agent_snapshots GROUP BY 1, 2;
CREATE UNIQUE INDEX credits_per_hour_key ON metrics.credits_per_hour (agent_symbol, hour);
CREATE VIEW metrics.v_credits_growth AS
    SELECT agent_symbol, hour, credits - lag(credits) OVER (PARTITION BY agent_symbol ORDER BY hour) AS gained
    FROM metrics.credits_per_hour;
-- to
CREATE SCHEMA core;
CREATE SCHEMA metrics;
CREATE TABLE core.reset_info (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    reset_started_at timestamptz NOT NULL
);
CREATE TABLE core.agent_snapshots (
    id bigserial PRIMARY KEY,
    agent_symbol text NOT NULL,
    taken_at timestamptz NOT NULL,
    credits bigint NOT NULL
);
CREATE MATERIALIZED VIEW metrics.credits_per_hour AS
    SELECT s.agent_symbol,
           floor(extract(epoch FROM s.taken_at - r.reset_started_at) / 3600)::integer AS hour,
           max(s.credits) AS credits
    FROM core.agent_snapshots s CROSS JOIN core.reset_info r
    GROUP BY 1, 2;
CREATE UNIQUE INDEX credits_per_hour_key ON metrics.credits_per_hour (agent_symbol, hour);
CREATE VIEW metrics.v_credits_growth AS
    SELECT agent_symbol, hour, credits - lag(credits) OVER (PARTITION BY agent_symbol ORDER BY hour) AS gained
    FROM metrics.credits_per_hour;
