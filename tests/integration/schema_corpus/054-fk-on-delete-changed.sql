-- foreign keys change ON DELETE (NO ACTION -> CASCADE, SET NULL -> RESTRICT), ON UPDATE and deferrability
-- from
CREATE TABLE players (
    id uuid PRIMARY KEY
);
CREATE TABLE ships (
    id uuid PRIMARY KEY,
    player_id uuid NOT NULL CONSTRAINT ships_player_id_fkey REFERENCES players (id),
    escort_of uuid CONSTRAINT ships_escort_of_fkey REFERENCES ships (id) ON DELETE SET NULL
);
-- to
CREATE TABLE players (
    id uuid PRIMARY KEY
);
CREATE TABLE ships (
    id uuid PRIMARY KEY,
    player_id uuid NOT NULL CONSTRAINT ships_player_id_fkey REFERENCES players (id) ON DELETE CASCADE ON UPDATE CASCADE,
    escort_of uuid CONSTRAINT ships_escort_of_fkey REFERENCES ships (id) ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED
);
