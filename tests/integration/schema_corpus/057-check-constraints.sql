-- check constraints added, removed, changed, and one NOT VALID on one side
-- from
CREATE TABLE players (
    player_id uuid PRIMARY KEY,
    level smallint NOT NULL DEFAULT 1,
    coins bigint NOT NULL DEFAULT 0,
    cash integer NOT NULL DEFAULT 0,
    platform varchar(16),
    CONSTRAINT players_level_check CHECK (level BETWEEN 1 AND 100),
    CONSTRAINT players_cash_check CHECK (cash >= 0)
);
-- to
CREATE TABLE players (
    player_id uuid PRIMARY KEY,
    level smallint NOT NULL DEFAULT 1,
    coins bigint NOT NULL DEFAULT 0,
    cash integer NOT NULL DEFAULT 0,
    platform varchar(16),
    CONSTRAINT players_level_check CHECK (level BETWEEN 1 AND 200),
    CONSTRAINT players_coins_check CHECK (coins >= 0)
);
ALTER TABLE players ADD CONSTRAINT players_platform_check CHECK (platform IN ('ios', 'android')) NOT VALID;
