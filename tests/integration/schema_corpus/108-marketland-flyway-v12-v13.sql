-- Marketland+ Flyway V12 -> V13: wallet column with CHECK added, crop_plots partial index widened, farm_state array default changed, history table the same
-- from
CREATE TABLE flyway_schema_history (
    installed_rank integer NOT NULL,
    version varchar(50),
    description varchar(200) NOT NULL,
    type varchar(20) NOT NULL,
    script varchar(1000) NOT NULL,
    checksum integer,
    installed_by varchar(100) NOT NULL,
    installed_on timestamp NOT NULL DEFAULT now(),
    execution_time integer NOT NULL,
    success boolean NOT NULL,
    CONSTRAINT flyway_schema_history_pk PRIMARY KEY (installed_rank)
);
CREATE INDEX flyway_schema_history_s_idx ON flyway_schema_history (success);
CREATE TABLE players (
    player_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    username varchar(32) NOT NULL UNIQUE,
    coins bigint NOT NULL DEFAULT 0 CHECK (coins >= 0),
    cash integer NOT NULL DEFAULT 0 CHECK (cash >= 0)
);
CREATE TABLE farm_state (
    player_id uuid PRIMARY KEY REFERENCES players (player_id) ON DELETE CASCADE,
    unlocked_zones smallint[] NOT NULL DEFAULT '{0}',
    active_season varchar(16) NOT NULL DEFAULT 'spring'
);
CREATE TABLE crop_plots (
    plot_id bigserial PRIMARY KEY,
    player_id uuid NOT NULL REFERENCES players (player_id) ON DELETE CASCADE,
    crop_type varchar(32),
    ready_at timestamptz
);
CREATE INDEX idx_crop_plots_ready ON crop_plots (ready_at) WHERE crop_type IS NOT NULL;
INSERT INTO flyway_schema_history VALUES
    (1, '12', 'crop plots', 'SQL', 'V12__crop_plots.sql', -1436280471, 'flyway', '2026-03-01 10:00', 41, true);
-- to
CREATE TABLE flyway_schema_history (
    installed_rank integer NOT NULL,
    version varchar(50),
    description varchar(200) NOT NULL,
    type varchar(20) NOT NULL,
    script varchar(1000) NOT NULL,
    checksum integer,
    installed_by varchar(100) NOT NULL,
    installed_on timestamp NOT NULL DEFAULT now(),
    execution_time integer NOT NULL,
    success boolean NOT NULL,
    CONSTRAINT flyway_schema_history_pk PRIMARY KEY (installed_rank)
);
CREATE INDEX flyway_schema_history_s_idx ON flyway_schema_history (success);
CREATE TABLE players (
    player_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    username varchar(32) NOT NULL UNIQUE,
    coins bigint NOT NULL DEFAULT 0 CHECK (coins >= 0),
    cash integer NOT NULL DEFAULT 0 CHECK (cash >= 0),
    farm_tokens integer NOT NULL DEFAULT 0 CONSTRAINT players_farm_tokens_check CHECK (farm_tokens >= 0)
);
CREATE TABLE farm_state (
    player_id uuid PRIMARY KEY REFERENCES players (player_id) ON DELETE CASCADE,
    unlocked_zones smallint[] NOT NULL DEFAULT '{0,1}',
    active_season varchar(16) NOT NULL DEFAULT 'spring'
);
CREATE TABLE crop_plots (
    plot_id bigserial PRIMARY KEY,
    player_id uuid NOT NULL REFERENCES players (player_id) ON DELETE CASCADE,
    crop_type varchar(32),
    ready_at timestamptz
);
CREATE INDEX idx_crop_plots_ready ON crop_plots (player_id, ready_at) WHERE crop_type IS NOT NULL;
INSERT INTO flyway_schema_history VALUES
    (1, '12', 'crop plots', 'SQL', 'V12__crop_plots.sql', -1436280471, 'flyway', '2026-03-01 10:00', 41, true),
    (2, '13', 'wallet farm tokens', 'SQL', 'V13__wallet_farm_tokens.sql', 90210417, 'flyway', '2026-03-08 10:00', 12, true);
