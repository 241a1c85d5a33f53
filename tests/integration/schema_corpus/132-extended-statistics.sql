-- extended statistics added, changed (kinds and target) and dropped; one on a table made again because its column's type changes
-- from
CREATE SCHEMA core;
CREATE TABLE core.plays (
    game_id integer NOT NULL,
    inning integer NOT NULL,
    half text NOT NULL,
    outs integer NOT NULL
);
CREATE STATISTICS core.plays_inning_half (ndistinct) ON inning, half FROM core.plays;
CREATE STATISTICS core.plays_game_outs ON game_id, outs FROM core.plays;
CREATE TABLE core.lineups (game_id integer, team_id integer, card_id integer);
CREATE STATISTICS core.lineups_team_card (dependencies) ON team_id, card_id FROM core.lineups;
INSERT INTO core.plays VALUES (1, 1, 'top', 0), (1, 1, 'bottom', 2);
INSERT INTO core.lineups VALUES (1, 10, 100);
-- to
CREATE SCHEMA core;
CREATE TABLE core.plays (
    game_id integer NOT NULL,
    inning integer NOT NULL,
    half text NOT NULL,
    outs integer NOT NULL
);
CREATE STATISTICS core.plays_inning_half (ndistinct, dependencies) ON inning, half FROM core.plays;
ALTER STATISTICS core.plays_inning_half SET STATISTICS 500;
CREATE STATISTICS core.plays_half_outs (mcv) ON half, outs FROM core.plays;
CREATE TABLE core.lineups (game_id integer, team_id bigint, card_id integer);
CREATE STATISTICS core.lineups_team_card (dependencies) ON team_id, card_id FROM core.lineups;
INSERT INTO core.lineups VALUES (2, 11, 101);
