-- a partition holding rows becomes a plain table (detached: the other side has the same table, not attached)
-- from
CREATE TABLE player_events (
    player_id uuid NOT NULL,
    event_type varchar(64) NOT NULL,
    occurred_at timestamptz NOT NULL
) PARTITION BY RANGE (occurred_at);
CREATE TABLE player_events_2026_02 PARTITION OF player_events
    FOR VALUES FROM ('2026-02-01 00:00:00+00') TO ('2026-03-01 00:00:00+00');
CREATE TABLE player_events_2026_03 PARTITION OF player_events
    FOR VALUES FROM ('2026-03-01 00:00:00+00') TO ('2026-04-01 00:00:00+00');
INSERT INTO player_events VALUES
    ('0b7e0000-0000-4000-8000-000000000001', 'crop_harvested', '2026-02-14 09:00+00'),
    ('0b7e0000-0000-4000-8000-000000000001', 'purchase', '2026-02-20 18:30+00'),
    ('0b7e0000-0000-4000-8000-000000000002', 'quest_complete', '2026-03-02 07:15+00');
-- to
CREATE TABLE player_events (
    player_id uuid NOT NULL,
    event_type varchar(64) NOT NULL,
    occurred_at timestamptz NOT NULL
) PARTITION BY RANGE (occurred_at);
CREATE TABLE player_events_2026_02 (
    player_id uuid NOT NULL,
    event_type varchar(64) NOT NULL,
    occurred_at timestamptz NOT NULL
);
CREATE TABLE player_events_2026_03 PARTITION OF player_events
    FOR VALUES FROM ('2026-03-01 00:00:00+00') TO ('2026-04-01 00:00:00+00');
INSERT INTO player_events_2026_02 VALUES
    ('0b7e0000-0000-4000-8000-000000000001', 'crop_harvested', '2026-02-14 09:00+00');
