-- an index is added on a range-partitioned table (so each partition gets one too), and a unique one including the key
-- from
CREATE TABLE player_events (
    event_id bigint NOT NULL,
    player_id uuid NOT NULL,
    event_type varchar(64) NOT NULL,
    event_data jsonb,
    occurred_at timestamptz NOT NULL DEFAULT now()
) PARTITION BY RANGE (occurred_at);
CREATE TABLE player_events_2026_03 PARTITION OF player_events
    FOR VALUES FROM ('2026-03-01 00:00:00+00') TO ('2026-04-01 00:00:00+00');
CREATE TABLE player_events_2026_04 PARTITION OF player_events
    FOR VALUES FROM ('2026-04-01 00:00:00+00') TO ('2026-05-01 00:00:00+00');
-- to
CREATE TABLE player_events (
    event_id bigint NOT NULL,
    player_id uuid NOT NULL,
    event_type varchar(64) NOT NULL,
    event_data jsonb,
    occurred_at timestamptz NOT NULL DEFAULT now()
) PARTITION BY RANGE (occurred_at);
CREATE TABLE player_events_2026_03 PARTITION OF player_events
    FOR VALUES FROM ('2026-03-01 00:00:00+00') TO ('2026-04-01 00:00:00+00');
CREATE TABLE player_events_2026_04 PARTITION OF player_events
    FOR VALUES FROM ('2026-04-01 00:00:00+00') TO ('2026-05-01 00:00:00+00');
CREATE INDEX idx_events_player_time ON player_events (player_id, occurred_at DESC);
CREATE UNIQUE INDEX idx_events_id ON player_events (event_id, occurred_at);
