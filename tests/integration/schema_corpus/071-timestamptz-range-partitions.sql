-- timestamptz range partitions: monthly on one side, a rolled-up quarter plus monthly on the other, bounds with MINVALUE
-- from
CREATE TABLE maneuver_events (
    ship_id uuid NOT NULL,
    kind text NOT NULL,
    at timestamptz NOT NULL
) PARTITION BY RANGE (at);
CREATE TABLE maneuver_events_2025_01 PARTITION OF maneuver_events
    FOR VALUES FROM ('2025-01-01 00:00:00+00') TO ('2025-02-01 00:00:00+00');
CREATE TABLE maneuver_events_2025_02 PARTITION OF maneuver_events
    FOR VALUES FROM ('2025-02-01 00:00:00+00') TO ('2025-03-01 00:00:00+00');
CREATE TABLE maneuver_events_2025_03 PARTITION OF maneuver_events
    FOR VALUES FROM ('2025-03-01 00:00:00+00') TO ('2025-04-01 00:00:00+00');
-- to
CREATE TABLE maneuver_events (
    ship_id uuid NOT NULL,
    kind text NOT NULL,
    at timestamptz NOT NULL
) PARTITION BY RANGE (at);
CREATE TABLE maneuver_events_old PARTITION OF maneuver_events
    FOR VALUES FROM (MINVALUE) TO ('2025-01-01 00:00:00+00');
CREATE TABLE maneuver_events_2025_q1 PARTITION OF maneuver_events
    FOR VALUES FROM ('2025-01-01 00:00:00+00') TO ('2025-04-01 00:00:00+00');
CREATE TABLE maneuver_events_2025_04 PARTITION OF maneuver_events
    FOR VALUES FROM ('2025-04-01 00:00:00+00') TO ('2025-05-01 00:00:00+00');
