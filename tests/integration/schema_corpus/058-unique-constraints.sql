-- unique constraints: one added over several columns, one made NULLS NOT DISTINCT, one made deferrable
-- from
CREATE TABLE displays (
    display_id bigint PRIMARY KEY,
    player_id uuid NOT NULL,
    zone_index smallint NOT NULL,
    grid_x smallint NOT NULL,
    grid_y smallint NOT NULL,
    display_type varchar(64) NOT NULL,
    label text,
    CONSTRAINT displays_label_key UNIQUE (player_id, label),
    CONSTRAINT displays_type_key UNIQUE (player_id, display_type, zone_index)
);
-- to
CREATE TABLE displays (
    display_id bigint PRIMARY KEY,
    player_id uuid NOT NULL,
    zone_index smallint NOT NULL,
    grid_x smallint NOT NULL,
    grid_y smallint NOT NULL,
    display_type varchar(64) NOT NULL,
    label text,
    CONSTRAINT displays_label_key UNIQUE NULLS NOT DISTINCT (player_id, label),
    CONSTRAINT displays_type_key UNIQUE (player_id, display_type, zone_index) DEFERRABLE INITIALLY IMMEDIATE,
    CONSTRAINT displays_cell_key UNIQUE (player_id, zone_index, grid_x, grid_y)
);
