-- SQL functions with BEGIN ATOMIC bodies that read tables (tracked dependencies) are added
-- from
CREATE SCHEMA core;
CREATE TABLE core.plays (
    id integer PRIMARY KEY,
    game_id integer NOT NULL,
    play_number integer NOT NULL,
    away_score integer NOT NULL DEFAULT 0,
    home_score integer NOT NULL DEFAULT 0,
    runs_scored integer NOT NULL DEFAULT 0,
    half text NOT NULL CHECK (half IN ('top', 'bottom'))
);
-- to
CREATE SCHEMA core;
CREATE TABLE core.plays (
    id integer PRIMARY KEY,
    game_id integer NOT NULL,
    play_number integer NOT NULL,
    away_score integer NOT NULL DEFAULT 0,
    home_score integer NOT NULL DEFAULT 0,
    runs_scored integer NOT NULL DEFAULT 0,
    half text NOT NULL CHECK (half IN ('top', 'bottom'))
);
CREATE FUNCTION core.last_play_number(p_game integer) RETURNS integer
    LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT max(play_number) FROM core.plays WHERE game_id = p_game;
END;
CREATE FUNCTION core.final_home_score(p_game integer) RETURNS integer
    LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT home_score + CASE WHEN half = 'bottom' THEN runs_scored ELSE 0 END
    FROM core.plays
    WHERE game_id = p_game AND play_number = core.last_play_number(p_game);
END;
