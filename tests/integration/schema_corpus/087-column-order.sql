-- the same columns (names, types, defaults, constraints) in a different order
-- from
CREATE TABLE ships (
    id uuid PRIMARY KEY,
    player_id uuid NOT NULL,
    name varchar(32) NOT NULL,
    ship_class varchar(32) NOT NULL DEFAULT 'fast_frigate',
    system_id varchar(32) NOT NULL DEFAULT 'sol',
    created_at timestamptz DEFAULT now()
);
-- to
CREATE TABLE ships (
    id uuid PRIMARY KEY,
    name varchar(32) NOT NULL,
    player_id uuid NOT NULL,
    created_at timestamptz DEFAULT now(),
    system_id varchar(32) NOT NULL DEFAULT 'sol',
    ship_class varchar(32) NOT NULL DEFAULT 'fast_frigate'
);
