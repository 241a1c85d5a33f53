-- Tick-based world snapshots used for recovery on restart.
CREATE TABLE core.snapshots (
    id          serial      PRIMARY KEY,
    tick_number bigint      NOT NULL,
    game_time   timestamptz NOT NULL,
    state       jsonb       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX snapshots_tick_idx ON core.snapshots (tick_number DESC);

CREATE TABLE core.game_config (
    key        varchar(50) PRIMARY KEY,
    value      jsonb       NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
