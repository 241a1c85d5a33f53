-- a new enum type and a new table using it (in a column, an array column and a partial index)
-- from
CREATE SCHEMA core;
-- to
CREATE SCHEMA core;
CREATE TYPE core.waypoint_kind AS ENUM ('planet', 'moon', 'asteroid', 'gas_giant', 'jump_gate');
CREATE TABLE core.waypoints (
    symbol text PRIMARY KEY,
    system_symbol text NOT NULL,
    kind core.waypoint_kind NOT NULL,
    neighbour_kinds core.waypoint_kind[] NOT NULL DEFAULT '{}'
);
CREATE INDEX waypoints_gates ON core.waypoints (system_symbol) WHERE kind = 'jump_gate';
