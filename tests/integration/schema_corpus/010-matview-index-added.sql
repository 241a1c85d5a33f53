-- a materialized view present on both sides gains a unique index and a second index
-- from
CREATE SCHEMA metrics;
CREATE TABLE public.plays (
    id integer PRIMARY KEY,
    game_id integer NOT NULL,
    runs_scored integer NOT NULL DEFAULT 0,
    hit integer NOT NULL DEFAULT 0
);
CREATE MATERIALIZED VIEW metrics.game_totals AS
    SELECT game_id, sum(runs_scored) AS runs, sum(hit) AS hits FROM public.plays GROUP BY game_id;
-- to
CREATE SCHEMA metrics;
CREATE TABLE public.plays (
    id integer PRIMARY KEY,
    game_id integer NOT NULL,
    runs_scored integer NOT NULL DEFAULT 0,
    hit integer NOT NULL DEFAULT 0
);
CREATE MATERIALIZED VIEW metrics.game_totals AS
    SELECT game_id, sum(runs_scored) AS runs, sum(hit) AS hits FROM public.plays GROUP BY game_id;
CREATE UNIQUE INDEX game_totals_game_id ON metrics.game_totals (game_id);
CREATE INDEX game_totals_runs ON metrics.game_totals (runs DESC);
