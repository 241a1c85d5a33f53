-- a view reading an existing view is created, and a third view reads the new one
-- from
CREATE TABLE players (
    id integer PRIMARY KEY,
    name text NOT NULL,
    credits bigint NOT NULL DEFAULT 0
);
CREATE VIEW v_players AS
    SELECT id, name, credits FROM players;
-- to
CREATE TABLE players (
    id integer PRIMARY KEY,
    name text NOT NULL,
    credits bigint NOT NULL DEFAULT 0
);
CREATE VIEW v_players AS
    SELECT id, name, credits FROM players;
CREATE VIEW v_rich_players AS
    SELECT id, name, credits FROM v_players WHERE credits > 100000;
CREATE VIEW v_rich_player_names AS
    SELECT name FROM v_rich_players ORDER BY name;
