-- sub-partitioning: a range partition is itself list-partitioned on one side, a plain partition on the other
-- from
CREATE SCHEMA raw;
CREATE TABLE raw.api_events (
    id bigint NOT NULL,
    fetched_at timestamptz NOT NULL,
    status_class smallint NOT NULL,
    endpoint text NOT NULL
) PARTITION BY RANGE (fetched_at);
CREATE TABLE raw.api_events_2025_01 PARTITION OF raw.api_events
    FOR VALUES FROM ('2025-01-01 00:00:00+00') TO ('2025-02-01 00:00:00+00');
CREATE TABLE raw.api_events_2025_02 PARTITION OF raw.api_events
    FOR VALUES FROM ('2025-02-01 00:00:00+00') TO ('2025-03-01 00:00:00+00');
-- to
CREATE SCHEMA raw;
CREATE TABLE raw.api_events (
    id bigint NOT NULL,
    fetched_at timestamptz NOT NULL,
    status_class smallint NOT NULL,
    endpoint text NOT NULL
) PARTITION BY RANGE (fetched_at);
CREATE TABLE raw.api_events_2025_01 PARTITION OF raw.api_events
    FOR VALUES FROM ('2025-01-01 00:00:00+00') TO ('2025-02-01 00:00:00+00');
CREATE TABLE raw.api_events_2025_02 PARTITION OF raw.api_events
    FOR VALUES FROM ('2025-02-01 00:00:00+00') TO ('2025-03-01 00:00:00+00')
    PARTITION BY LIST (status_class);
CREATE TABLE raw.api_events_2025_02_ok PARTITION OF raw.api_events_2025_02 FOR VALUES IN (2, 3);
CREATE TABLE raw.api_events_2025_02_err PARTITION OF raw.api_events_2025_02 FOR VALUES IN (4, 5);
CREATE TABLE raw.api_events_2025_02_other PARTITION OF raw.api_events_2025_02 DEFAULT;
CREATE INDEX api_events_endpoint ON raw.api_events (endpoint);
