-- rules on a table (an old-style soft delete and an audit copy) added, changed and dropped
-- from
CREATE SCHEMA core;
CREATE TABLE core.players (id integer PRIMARY KEY, name text, deleted boolean NOT NULL DEFAULT false);
CREATE TABLE core.player_log (id integer, name text, at timestamptz DEFAULT now());
CREATE RULE players_soft_delete AS ON DELETE TO core.players DO INSTEAD UPDATE core.players SET deleted = true WHERE id = OLD.id;
CREATE RULE players_log AS ON INSERT TO core.players DO ALSO INSERT INTO core.player_log (id, name) VALUES (NEW.id, NEW.name);
INSERT INTO core.players VALUES (1, 'ana', false), (2, 'bo', false);
-- to
CREATE SCHEMA core;
CREATE TABLE core.players (id integer PRIMARY KEY, name text, deleted boolean NOT NULL DEFAULT false);
CREATE TABLE core.player_log (id integer, name text, at timestamptz DEFAULT now());
CREATE RULE players_soft_delete AS ON DELETE TO core.players WHERE NOT OLD.deleted DO INSTEAD UPDATE core.players SET deleted = true WHERE id = OLD.id;
CREATE RULE players_no_update_log AS ON UPDATE TO core.player_log DO INSTEAD NOTHING;
