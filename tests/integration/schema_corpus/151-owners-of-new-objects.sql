-- Objects the script makes are given their owners: a schema, tables (one partitioned, its partitions owned by two roles), a view and a function of another role, beside objects of the usual owner
-- from
CREATE SCHEMA core;
CREATE TABLE core.agents (
    symbol text PRIMARY KEY,
    credits bigint NOT NULL DEFAULT 0
);
INSERT INTO core.agents VALUES ('NOVA', 175000);
-- to
CREATE SCHEMA core;
CREATE SCHEMA audit;
CREATE TABLE core.agents (
    symbol text PRIMARY KEY,
    credits bigint NOT NULL DEFAULT 0
);
INSERT INTO core.agents VALUES ('NOVA', 175000);
CREATE TABLE audit.events (
    id bigint GENERATED ALWAYS AS IDENTITY,
    at timestamptz NOT NULL,
    agent text NOT NULL,
    PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
CREATE TABLE audit.events_w01 PARTITION OF audit.events FOR VALUES FROM ('2025-01-06') TO ('2025-01-13');
CREATE TABLE audit.events_w02 PARTITION OF audit.events FOR VALUES FROM ('2025-01-13') TO ('2025-01-20');
CREATE TABLE core.ledger (
    id serial PRIMARY KEY,
    agent text NOT NULL REFERENCES core.agents,
    amount bigint NOT NULL
);
CREATE VIEW core.rich_agents AS SELECT symbol FROM core.agents WHERE credits > 100000;
CREATE FUNCTION audit.agent_events(agent_symbol text) RETURNS bigint LANGUAGE sql STABLE
    AS $$ SELECT count(*) FROM audit.events WHERE agent = agent_symbol $$;
ALTER SCHEMA audit OWNER TO corpus_other;
ALTER TABLE audit.events OWNER TO corpus_other;
ALTER TABLE audit.events_w02 OWNER TO corpus_other;
ALTER TABLE core.ledger OWNER TO corpus_other;
ALTER VIEW core.rich_agents OWNER TO corpus_other;
ALTER FUNCTION audit.agent_events(text) OWNER TO corpus_other;
