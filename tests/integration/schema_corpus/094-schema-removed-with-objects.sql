-- a schema is removed with its objects (a table with a foreign key to a table in the schema that stays, a view, a domain)
-- from
CREATE SCHEMA core;
CREATE SCHEMA metrics;
CREATE TABLE core.agents (
    symbol text PRIMARY KEY
);
CREATE TABLE metrics.agent_credits (
    agent text NOT NULL REFERENCES core.agents (symbol),
    hour timestamptz NOT NULL,
    credits bigint NOT NULL,
    PRIMARY KEY (agent, hour)
);
CREATE VIEW metrics.v_latest_credits AS
    SELECT DISTINCT ON (agent) agent, credits FROM metrics.agent_credits ORDER BY agent, hour DESC;
CREATE DOMAIN metrics.credit_amount AS bigint CHECK (VALUE >= 0);
-- to
CREATE SCHEMA core;
CREATE TABLE core.agents (
    symbol text PRIMARY KEY
);
