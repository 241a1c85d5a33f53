-- a view returns the same columns in a different order
-- from
CREATE TABLE snapshots (
    id integer PRIMARY KEY,
    tick_number bigint NOT NULL,
    game_time timestamptz NOT NULL,
    state jsonb NOT NULL
);
CREATE VIEW v_snapshot_ticks AS
    SELECT id, tick_number, game_time FROM snapshots;
-- to
CREATE TABLE snapshots (
    id integer PRIMARY KEY,
    tick_number bigint NOT NULL,
    game_time timestamptz NOT NULL,
    state jsonb NOT NULL
);
CREATE VIEW v_snapshot_ticks AS
    SELECT tick_number, game_time, id FROM snapshots;
