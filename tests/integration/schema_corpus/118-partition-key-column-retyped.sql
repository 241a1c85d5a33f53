-- the partition key column of a range-partitioned table changes type (date -> timestamptz), with rows in its partitions
-- from
CREATE TABLE fleet_events (
    id integer NOT NULL,
    at date NOT NULL,
    kind text NOT NULL
) PARTITION BY RANGE (at);
CREATE TABLE fleet_events_2025 PARTITION OF fleet_events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE INDEX fleet_events_kind ON fleet_events (kind);
INSERT INTO fleet_events VALUES (1, '2025-03-01', 'dock'), (2, '2025-07-14', 'jump');
-- to
CREATE TABLE fleet_events (
    id integer NOT NULL,
    at timestamptz NOT NULL,
    kind text NOT NULL
) PARTITION BY RANGE (at);
CREATE TABLE fleet_events_2025 PARTITION OF fleet_events FOR VALUES FROM ('2025-01-01 00:00+00') TO ('2026-01-01 00:00+00');
CREATE INDEX fleet_events_kind ON fleet_events (kind);
INSERT INTO fleet_events VALUES (3, '2025-05-05 10:00+00', 'dock');
