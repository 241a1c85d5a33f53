-- SpaceTraders week 1 -> week 2: ids go integer -> bigint (serial -> bigserial) under foreign keys, indexes, views and a view on a view
-- from
CREATE SCHEMA raw;
CREATE SCHEMA core;
CREATE SCHEMA metrics;
CREATE TABLE raw.api_events (
    id serial PRIMARY KEY,
    fetched_at timestamptz NOT NULL DEFAULT now(),
    endpoint text NOT NULL,
    request_key text,
    status_code integer NOT NULL,
    payload jsonb NOT NULL,
    payload_hash text NOT NULL
);
CREATE TABLE core.agents (
    id serial PRIMARY KEY,
    symbol text NOT NULL UNIQUE,
    credits bigint NOT NULL DEFAULT 0,
    source_event_id integer REFERENCES raw.api_events (id)
);
CREATE TABLE core.ships (
    id serial PRIMARY KEY,
    agent_id integer NOT NULL REFERENCES core.agents (id) ON DELETE CASCADE,
    symbol text NOT NULL UNIQUE,
    fuel_current integer NOT NULL DEFAULT 0,
    source_event_id integer REFERENCES raw.api_events (id)
);
CREATE INDEX ships_agent_id ON core.ships (agent_id);
CREATE VIEW core.v_fleet AS
    SELECT a.id AS agent_id, a.symbol AS agent, s.id AS ship_id, s.symbol AS ship, s.fuel_current
    FROM core.agents a JOIN core.ships s ON s.agent_id = a.id;
CREATE VIEW metrics.v_fleet_size AS
    SELECT agent_id, agent, count(*) AS ships, sum(fuel_current) AS fuel
    FROM core.v_fleet GROUP BY agent_id, agent;
INSERT INTO raw.api_events (endpoint, status_code, payload, payload_hash)
VALUES ('/my/agent', 200, '{"data": {"symbol": "ARROW", "credits": 175000}}', 'a1f0');
INSERT INTO core.agents (symbol, credits, source_event_id) VALUES ('ARROW', 175000, 1);
INSERT INTO core.ships (agent_id, symbol, fuel_current) VALUES (1, 'ARROW-1', 400);
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
    id bigserial PRIMARY KEY,
    symbol text NOT NULL UNIQUE,
    credits bigint NOT NULL DEFAULT 0,
    source_event_id bigint REFERENCES raw.api_events (id)
);
CREATE TABLE core.ships (
    id bigserial PRIMARY KEY,
    agent_id bigint NOT NULL REFERENCES core.agents (id) ON DELETE CASCADE,
    symbol text NOT NULL UNIQUE,
    fuel_current integer NOT NULL DEFAULT 0,
    source_event_id bigint REFERENCES raw.api_events (id)
);
CREATE INDEX ships_agent_id ON core.ships (agent_id);
CREATE VIEW core.v_fleet AS
    SELECT a.id AS agent_id, a.symbol AS agent, s.id AS ship_id, s.symbol AS ship, s.fuel_current
    FROM core.agents a JOIN core.ships s ON s.agent_id = a.id;
CREATE VIEW metrics.v_fleet_size AS
    SELECT agent_id, agent, count(*) AS ships, sum(fuel_current) AS fuel
    FROM core.v_fleet GROUP BY agent_id, agent;
