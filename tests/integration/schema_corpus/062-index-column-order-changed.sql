-- a multi-column index changes column order, and another changes sort direction and NULLS order
-- from
CREATE TABLE ships (
    id uuid PRIMARY KEY,
    player_id uuid NOT NULL,
    system_id varchar(32) NOT NULL,
    created_at timestamptz DEFAULT now()
);
CREATE INDEX idx_ships_player_created ON ships (player_id, created_at);
CREATE INDEX idx_ships_system_created ON ships (system_id, created_at);
-- to
CREATE TABLE ships (
    id uuid PRIMARY KEY,
    player_id uuid NOT NULL,
    system_id varchar(32) NOT NULL,
    created_at timestamptz DEFAULT now()
);
CREATE INDEX idx_ships_player_created ON ships (created_at, player_id);
CREATE INDEX idx_ships_system_created ON ships (system_id, created_at DESC NULLS LAST);
