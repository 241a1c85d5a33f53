-- row-level security enabled on one table, enabled and forced on another
-- from
CREATE TABLE farm_state (
    player_id uuid PRIMARY KEY,
    active_season varchar(16) NOT NULL DEFAULT 'spring'
);
CREATE TABLE inventory (
    inventory_id bigint PRIMARY KEY,
    player_id uuid NOT NULL,
    item_type varchar(64) NOT NULL
);
-- to
CREATE TABLE farm_state (
    player_id uuid PRIMARY KEY,
    active_season varchar(16) NOT NULL DEFAULT 'spring'
);
CREATE TABLE inventory (
    inventory_id bigint PRIMARY KEY,
    player_id uuid NOT NULL,
    item_type varchar(64) NOT NULL
);
ALTER TABLE farm_state ENABLE ROW LEVEL SECURITY;
ALTER TABLE inventory ENABLE ROW LEVEL SECURITY;
ALTER TABLE inventory FORCE ROW LEVEL SECURITY;
