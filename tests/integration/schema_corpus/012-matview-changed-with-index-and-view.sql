-- a materialized view changes its query while it has an index and a view reads it
-- from
CREATE SCHEMA metrics;
CREATE TABLE players (
    id integer PRIMARY KEY,
    name text NOT NULL,
    credits bigint NOT NULL DEFAULT 0,
    joined_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO players (id, name, credits) VALUES (1, 'ARROW', 150000), (2, 'BISON', 90000);
CREATE MATERIALIZED VIEW metrics.leaderboard AS
    SELECT id, name, credits FROM players ORDER BY credits DESC;
CREATE UNIQUE INDEX leaderboard_id ON metrics.leaderboard (id);
CREATE VIEW metrics.v_top10 AS
    SELECT name, credits FROM metrics.leaderboard ORDER BY credits DESC LIMIT 10;
-- to
CREATE SCHEMA metrics;
CREATE TABLE players (
    id integer PRIMARY KEY,
    name text NOT NULL,
    credits bigint NOT NULL DEFAULT 0,
    joined_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO players (id, name, credits) VALUES (1, 'ARROW', 150000), (2, 'BISON', 90000);
CREATE MATERIALIZED VIEW metrics.leaderboard AS
    SELECT id, name, credits, rank() OVER (ORDER BY credits DESC) AS place
    FROM players WHERE credits > 0;
CREATE UNIQUE INDEX leaderboard_id ON metrics.leaderboard (id);
CREATE VIEW metrics.v_top10 AS
    SELECT name, credits FROM metrics.leaderboard ORDER BY credits DESC LIMIT 10;
