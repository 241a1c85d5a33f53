-- domains with check constraints (one NOT NULL with a default) are added and used by columns
-- from
CREATE TABLE players (
    player_id uuid PRIMARY KEY,
    coins bigint NOT NULL DEFAULT 0,
    level smallint NOT NULL DEFAULT 1
);
-- to
CREATE SCHEMA core;
CREATE DOMAIN core.wallet_amount AS bigint
    DEFAULT 0 NOT NULL
    CONSTRAINT wallet_amount_not_negative CHECK (VALUE >= 0);
CREATE DOMAIN core.player_level AS smallint
    CONSTRAINT player_level_range CHECK (VALUE BETWEEN 1 AND 200);
CREATE TABLE players (
    player_id uuid PRIMARY KEY,
    coins core.wallet_amount,
    level core.player_level NOT NULL DEFAULT 1
);
