-- a view loses a column in the middle while another view reads the columns that stay
-- from
CREATE SCHEMA core;
CREATE TABLE core.lineups (
    id integer PRIMARY KEY,
    game_id integer NOT NULL,
    team_id integer NOT NULL,
    batting_order integer,
    position text NOT NULL
);
CREATE VIEW core.v_lineups AS
    SELECT id, game_id, team_id, batting_order, position FROM core.lineups;
CREATE VIEW core.v_batters AS
    SELECT id, game_id, batting_order FROM core.v_lineups WHERE batting_order IS NOT NULL;
-- to
CREATE SCHEMA core;
CREATE TABLE core.lineups (
    id integer PRIMARY KEY,
    game_id integer NOT NULL,
    team_id integer NOT NULL,
    batting_order integer,
    position text NOT NULL
);
CREATE VIEW core.v_lineups AS
    SELECT id, game_id, batting_order, position FROM core.lineups;
CREATE VIEW core.v_batters AS
    SELECT id, game_id, batting_order FROM core.v_lineups WHERE batting_order IS NOT NULL;
