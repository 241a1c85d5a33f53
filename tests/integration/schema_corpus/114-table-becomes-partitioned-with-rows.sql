-- a plain table with rows that is range-partitioned on the other side (its rows go into the partitions), with a materialized view reading it
-- from
CREATE TABLE market_ticks (
    symbol text NOT NULL,
    at timestamptz NOT NULL,
    price numeric(12, 2) NOT NULL,
    PRIMARY KEY (symbol, at)
);
INSERT INTO market_ticks SELECT 'FUEL', timestamptz '2025-01-06 00:00+00' + i * interval '6 hours', 10 + i FROM generate_series(0, 39) i;
CREATE MATERIALIZED VIEW daily_close AS SELECT symbol, date_trunc('day', at) AS day, max(price) AS high FROM market_ticks GROUP BY 1, 2;
CREATE INDEX daily_close_day ON daily_close (day);
-- to
CREATE TABLE market_ticks (
    symbol text NOT NULL,
    at timestamptz NOT NULL,
    price numeric(12, 2) NOT NULL,
    PRIMARY KEY (symbol, at)
) PARTITION BY RANGE (at);
CREATE TABLE market_ticks_w02 PARTITION OF market_ticks FOR VALUES FROM ('2025-01-06 00:00+00') TO ('2025-01-13 00:00+00');
CREATE TABLE market_ticks_rest PARTITION OF market_ticks DEFAULT;
CREATE MATERIALIZED VIEW daily_close AS SELECT symbol, date_trunc('day', at) AS day, max(price) AS high FROM market_ticks GROUP BY 1, 2;
CREATE INDEX daily_close_day ON daily_close (day);
