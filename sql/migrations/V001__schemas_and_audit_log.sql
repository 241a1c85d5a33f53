-- Namespaces of a weekly database: raw responses as ingested, clean entities,
-- derived aggregates, and Statescope's own bookkeeping.
CREATE SCHEMA IF NOT EXISTS raw;
CREATE SCHEMA IF NOT EXISTS core;
CREATE SCHEMA IF NOT EXISTS metrics;
CREATE SCHEMA IF NOT EXISTS statescope;

-- Every write Statescope makes on a user's behalf leaves a row here.
CREATE TABLE statescope.audit_log (
    id          bigserial PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    os_user     text        NOT NULL,
    db_user     text        NOT NULL DEFAULT current_user,
    action      text        NOT NULL,
    target      text        NOT NULL,
    reason      text,
    details     jsonb       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_at_idx ON statescope.audit_log (at DESC);
