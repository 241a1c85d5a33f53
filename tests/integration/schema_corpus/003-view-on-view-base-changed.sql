-- the view at the bottom of a view-on-view chain changes its definition (filter and an expression column)
-- from
CREATE TABLE plays (
    id integer PRIMARY KEY,
    game_id integer NOT NULL,
    play_number integer NOT NULL,
    runs_scored integer NOT NULL DEFAULT 0,
    outs_recorded integer NOT NULL DEFAULT 0
);
CREATE VIEW v_plays AS
    SELECT id, game_id, play_number, runs_scored FROM plays;
CREATE VIEW v_game_runs AS
    SELECT game_id, sum(runs_scored) AS runs FROM v_plays GROUP BY game_id;
-- to
CREATE TABLE plays (
    id integer PRIMARY KEY,
    game_id integer NOT NULL,
    play_number integer NOT NULL,
    runs_scored integer NOT NULL DEFAULT 0,
    outs_recorded integer NOT NULL DEFAULT 0
);
CREATE VIEW v_plays AS
    SELECT id, game_id, play_number, runs_scored * 1 AS runs_scored FROM plays WHERE play_number >= 1;
CREATE VIEW v_game_runs AS
    SELECT game_id, sum(runs_scored) AS runs FROM v_plays GROUP BY game_id;
