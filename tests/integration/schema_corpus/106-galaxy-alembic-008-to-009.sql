-- Galaxy Alembic 008 -> 009: maneuver_events appears (enum kind, FK to ships ON DELETE CASCADE), ships gain columns, alembic_version widened to varchar(64)
-- from
CREATE TABLE alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
INSERT INTO alembic_version VALUES ('008');
CREATE TABLE players (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    username varchar(20) UNIQUE NOT NULL
);
CREATE TABLE ships (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    player_id uuid NOT NULL REFERENCES players (id) ON DELETE CASCADE,
    name varchar(32) NOT NULL,
    ship_class varchar(32) NOT NULL DEFAULT 'fast_frigate',
    created_at timestamptz DEFAULT now()
);
-- to
CREATE TABLE alembic_version (
    version_num varchar(64) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
INSERT INTO alembic_version VALUES ('009');
CREATE TABLE players (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    username varchar(20) UNIQUE NOT NULL
);
CREATE TABLE ships (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    player_id uuid NOT NULL REFERENCES players (id) ON DELETE CASCADE,
    name varchar(32) NOT NULL,
    ship_class varchar(32) NOT NULL DEFAULT 'fast_frigate',
    created_at timestamptz DEFAULT now(),
    system_id varchar(32) NOT NULL DEFAULT 'sol',
    fuel double precision NOT NULL DEFAULT 25000.0 CHECK (fuel >= 0)
);
CREATE INDEX idx_ships_system_id ON ships (system_id);
CREATE TYPE maneuver_kind AS ENUM ('planned', 'started', 'completed', 'aborted');
CREATE TABLE maneuver_events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ship_id uuid NOT NULL REFERENCES ships (id) ON DELETE CASCADE,
    kind maneuver_kind NOT NULL,
    tick_number bigint NOT NULL,
    detail jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_maneuver_events_ship_tick ON maneuver_events (ship_id, tick_number);
