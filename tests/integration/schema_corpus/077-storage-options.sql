-- table storage options (fillfactor, autovacuum settings, a toast option), an index fillfactor and a column's STORAGE and statistics target
-- from
CREATE TABLE players (
    player_id uuid PRIMARY KEY,
    coins bigint NOT NULL DEFAULT 0,
    settings jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX players_coins ON players (coins);
-- to
CREATE TABLE players (
    player_id uuid PRIMARY KEY,
    coins bigint NOT NULL DEFAULT 0,
    settings jsonb NOT NULL DEFAULT '{}'
) WITH (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.05, toast.autovacuum_enabled = false);
CREATE INDEX players_coins ON players (coins) WITH (fillfactor = 80);
ALTER TABLE players ALTER COLUMN settings SET STORAGE EXTERNAL;
ALTER TABLE players ALTER COLUMN coins SET STATISTICS 500;
