-- a materialized view with two indexes is dropped, and a matview reading it goes too
-- from
CREATE TABLE snapshots (
    id integer PRIMARY KEY,
    tick_number bigint NOT NULL,
    state jsonb NOT NULL
);
CREATE MATERIALIZED VIEW snapshot_sizes AS
    SELECT id, tick_number, pg_column_size(state) AS bytes FROM snapshots;
CREATE UNIQUE INDEX snapshot_sizes_id ON snapshot_sizes (id);
CREATE INDEX snapshot_sizes_tick ON snapshot_sizes (tick_number);
CREATE MATERIALIZED VIEW snapshot_size_total AS
    SELECT sum(bytes) AS bytes FROM snapshot_sizes;
-- to
CREATE TABLE snapshots (
    id integer PRIMARY KEY,
    tick_number bigint NOT NULL,
    state jsonb NOT NULL
);
