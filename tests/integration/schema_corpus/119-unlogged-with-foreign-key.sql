-- two tables, one referencing the other, logged on one side and both unlogged on the other (the referenced one sorts first by name: going unlogged the referencing one must change first, going logged last)
-- from
CREATE SCHEMA raw;
CREATE TABLE raw.fetch_runs (
    id integer PRIMARY KEY,
    started_at timestamptz NOT NULL
);
CREATE TABLE raw.run_pages (
    run_id integer NOT NULL REFERENCES raw.fetch_runs (id),
    page integer NOT NULL,
    body jsonb
);
INSERT INTO raw.fetch_runs VALUES (1, '2025-01-06 00:00+00'), (2, '2025-01-07 00:00+00');
INSERT INTO raw.run_pages VALUES (1, 1, '{}'), (1, 2, '{}'), (2, 1, NULL);
-- to
CREATE SCHEMA raw;
CREATE UNLOGGED TABLE raw.fetch_runs (
    id integer PRIMARY KEY,
    started_at timestamptz NOT NULL
);
CREATE UNLOGGED TABLE raw.run_pages (
    run_id integer NOT NULL REFERENCES raw.fetch_runs (id),
    page integer NOT NULL,
    body jsonb
);
INSERT INTO raw.fetch_runs VALUES (3, '2025-01-08 00:00+00');
