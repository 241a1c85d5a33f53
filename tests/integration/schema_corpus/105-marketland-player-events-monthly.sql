-- Marketland+: player_events gains April and May partitions and a BRIN index; players gain the shard_key generated column, RLS and a policy
-- from
CREATE TABLE players (
    player_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    username varchar(32) NOT NULL UNIQUE,
    coins bigint NOT NULL DEFAULT 0 CHECK (coins >= 0)
);
CREATE TABLE player_events (
    event_id bigserial,
    player_id uuid NOT NULL,
    event_type varchar(64) NOT NULL,
    event_data jsonb,
    occurred_at timestamptz NOT NULL DEFAULT now()
) PARTITION BY RANGE (occurred_at);
CREATE TABLE player_events_2026_03 PARTITION OF player_events
    FOR VALUES FROM ('2026-03-01 00:00:00+00') TO ('2026-04-01 00:00:00+00');
CREATE INDEX idx_events_player_time ON player_events (player_id, occurred_at DESC);
-- to
CREATE TABLE players (
    player_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    username varchar(32) NOT NULL UNIQUE,
    coins bigint NOT NULL DEFAULT 0 CHECK (coins >= 0),
    shard_key smallint GENERATED ALWAYS AS (('x' || substr(player_id::text, 1, 2))::bit(8)::integer % 8) STORED
);
ALTER TABLE players ENABLE ROW LEVEL SECURITY;
CREATE POLICY players_self ON players
    USING (player_id = nullif(current_setting('app.current_player_id', true), '')::uuid);
CREATE POLICY players_reader ON players FOR SELECT TO corpus_reader USING (true);
CREATE TABLE player_events (
    event_id bigserial,
    player_id uuid NOT NULL,
    event_type varchar(64) NOT NULL,
    event_data jsonb,
    occurred_at timestamptz NOT NULL DEFAULT now()
) PARTITION BY RANGE (occurred_at);
CREATE TABLE player_events_2026_03 PARTITION OF player_events
    FOR VALUES FROM ('2026-03-01 00:00:00+00') TO ('2026-04-01 00:00:00+00');
CREATE TABLE player_events_2026_04 PARTITION OF player_events
    FOR VALUES FROM ('2026-04-01 00:00:00+00') TO ('2026-05-01 00:00:00+00');
CREATE TABLE player_events_2026_05 PARTITION OF player_events
    FOR VALUES FROM ('2026-05-01 00:00:00+00') TO ('2026-06-01 00:00:00+00');
CREATE INDEX idx_events_player_time ON player_events (player_id, occurred_at DESC);
CREATE INDEX idx_events_time_brin ON player_events USING brin (occurred_at);
