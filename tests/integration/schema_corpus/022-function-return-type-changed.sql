-- a function's return type changes (integer -> bigint) while a view calls it; another goes from scalar to RETURNS TABLE
-- from
CREATE SCHEMA core;
CREATE TABLE core.plays (
    id integer PRIMARY KEY,
    game_id integer NOT NULL,
    runs_scored integer NOT NULL DEFAULT 0
);
CREATE FUNCTION core.game_runs(p_game integer) RETURNS integer
    LANGUAGE sql STABLE
    AS $$ SELECT coalesce(sum(runs_scored), 0)::integer FROM core.plays WHERE game_id = p_game $$;
CREATE FUNCTION core.game_summary(p_game integer) RETURNS text
    LANGUAGE sql STABLE
    AS $$ SELECT p_game || ': ' || core.game_runs(p_game) $$;
CREATE VIEW core.v_game_runs AS
    SELECT DISTINCT game_id, core.game_runs(game_id) AS runs FROM core.plays;
-- to
CREATE SCHEMA core;
CREATE TABLE core.plays (
    id integer PRIMARY KEY,
    game_id integer NOT NULL,
    runs_scored integer NOT NULL DEFAULT 0
);
CREATE FUNCTION core.game_runs(p_game integer) RETURNS bigint
    LANGUAGE sql STABLE
    AS $$ SELECT coalesce(sum(runs_scored), 0) FROM core.plays WHERE game_id = p_game $$;
CREATE FUNCTION core.game_summary(p_game integer) RETURNS TABLE (game_id integer, runs bigint)
    LANGUAGE sql STABLE
    AS $$ SELECT p_game, core.game_runs(p_game) $$;
CREATE VIEW core.v_game_runs AS
    SELECT DISTINCT game_id, core.game_runs(game_id) AS runs FROM core.plays;
