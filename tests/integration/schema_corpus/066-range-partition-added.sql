-- an integer range partition is added to a partitioned table with a primary key and an index
-- from
CREATE TABLE snapshots (
    tick_number bigint NOT NULL,
    game_time timestamptz NOT NULL,
    state jsonb NOT NULL,
    PRIMARY KEY (tick_number)
) PARTITION BY RANGE (tick_number);
CREATE TABLE snapshots_0 PARTITION OF snapshots FOR VALUES FROM (0) TO (100000);
CREATE INDEX snapshots_game_time ON snapshots (game_time);
-- to
CREATE TABLE snapshots (
    tick_number bigint NOT NULL,
    game_time timestamptz NOT NULL,
    state jsonb NOT NULL,
    PRIMARY KEY (tick_number)
) PARTITION BY RANGE (tick_number);
CREATE TABLE snapshots_0 PARTITION OF snapshots FOR VALUES FROM (0) TO (100000);
CREATE TABLE snapshots_1 PARTITION OF snapshots FOR VALUES FROM (100000) TO (200000);
CREATE INDEX snapshots_game_time ON snapshots (game_time);
