-- no difference: the Galaxy schema (players, ships, snapshots, game_config) written identically on both sides
-- from
CREATE TABLE players (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    username varchar(20) UNIQUE NOT NULL,
    password_hash varchar(255) NOT NULL,
    is_admin boolean NOT NULL DEFAULT false,
    created_at timestamptz DEFAULT now(),
    CONSTRAINT username_format CHECK (username ~ '^[a-zA-Z0-9_]{3,20}$')
);
CREATE INDEX idx_players_username ON players (username);
CREATE TABLE ships (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    player_id uuid NOT NULL REFERENCES players (id) ON DELETE CASCADE,
    name varchar(32) NOT NULL,
    ship_class varchar(32) NOT NULL DEFAULT 'fast_frigate',
    system_id varchar(32) NOT NULL DEFAULT 'sol',
    created_at timestamptz DEFAULT now(),
    CONSTRAINT uq_ships_player_name UNIQUE (player_id, name)
);
CREATE INDEX idx_ships_player_created ON ships (player_id, created_at);
CREATE TABLE snapshots (
    id serial PRIMARY KEY,
    tick_number bigint NOT NULL,
    game_time timestamptz NOT NULL,
    state jsonb NOT NULL,
    created_at timestamptz DEFAULT now()
);
CREATE INDEX idx_snapshots_tick ON snapshots (tick_number DESC);
CREATE TABLE game_config (
    key varchar(50) PRIMARY KEY,
    value jsonb NOT NULL,
    updated_at timestamptz DEFAULT now()
);
-- to
CREATE TABLE players (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    username varchar(20) UNIQUE NOT NULL,
    password_hash varchar(255) NOT NULL,
    is_admin boolean NOT NULL DEFAULT false,
    created_at timestamptz DEFAULT now(),
    CONSTRAINT username_format CHECK (username ~ '^[a-zA-Z0-9_]{3,20}$')
);
CREATE INDEX idx_players_username ON players (username);
CREATE TABLE ships (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    player_id uuid NOT NULL REFERENCES players (id) ON DELETE CASCADE,
    name varchar(32) NOT NULL,
    ship_class varchar(32) NOT NULL DEFAULT 'fast_frigate',
    system_id varchar(32) NOT NULL DEFAULT 'sol',
    created_at timestamptz DEFAULT now(),
    CONSTRAINT uq_ships_player_name UNIQUE (player_id, name)
);
CREATE INDEX idx_ships_player_created ON ships (player_id, created_at);
CREATE TABLE snapshots (
    id serial PRIMARY KEY,
    tick_number bigint NOT NULL,
    game_time timestamptz NOT NULL,
    state jsonb NOT NULL,
    created_at timestamptz DEFAULT now()
);
CREATE INDEX idx_snapshots_tick ON snapshots (tick_number DESC);
CREATE TABLE game_config (
    key varchar(50) PRIMARY KEY,
    value jsonb NOT NULL,
    updated_at timestamptz DEFAULT now()
);
