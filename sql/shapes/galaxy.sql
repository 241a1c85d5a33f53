-- Galaxy's own layout, as its ConfigMap init script and Alembic (001..009) make it: players,
-- ships, snapshots, game_config and maneuver_events in public, alembic_version at 009. The
-- snapshots and the configuration come from the weekly schema the deterministic generator
-- filled, which is then removed with every trace of Statescope.
CREATE TABLE public.players (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    username   varchar(50) NOT NULL UNIQUE,
    created_at timestamptz DEFAULT now()
);
CREATE INDEX idx_players_username ON public.players (username);

CREATE TABLE public.ships (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    player_id  uuid NOT NULL REFERENCES public.players (id) ON DELETE CASCADE,
    system_id  varchar(32) NOT NULL,
    name       varchar(64) NOT NULL,
    created_at timestamptz DEFAULT now()
);
CREATE INDEX idx_ships_player_created ON public.ships (player_id, created_at);
CREATE INDEX idx_ships_system_id ON public.ships (system_id);

CREATE TABLE public.snapshots (
    id          serial PRIMARY KEY,
    tick_number bigint NOT NULL,
    game_time   timestamptz NOT NULL,
    state       jsonb NOT NULL,
    created_at  timestamptz DEFAULT now()
);
CREATE INDEX idx_snapshots_tick ON public.snapshots (tick_number DESC);

CREATE TABLE public.game_config (
    key        varchar(50) PRIMARY KEY,
    value      jsonb NOT NULL,
    updated_at timestamptz DEFAULT now()
);

CREATE TABLE public.maneuver_events (
    id             bigserial PRIMARY KEY,
    ship_id        uuid NOT NULL REFERENCES public.ships (id) ON DELETE CASCADE,
    event_type     varchar(32) NOT NULL,
    tick           bigint NOT NULL,
    game_time      timestamptz NOT NULL,
    element_errors jsonb,
    extra          jsonb,
    created_at     timestamptz DEFAULT now()
);
CREATE INDEX idx_maneuver_events_ship ON public.maneuver_events (ship_id, created_at DESC);
CREATE INDEX idx_maneuver_events_tick ON public.maneuver_events (tick DESC);

CREATE TABLE public.alembic_version (
    version_num varchar(32) NOT NULL PRIMARY KEY
);
INSERT INTO public.alembic_version VALUES ('009');

INSERT INTO public.players (id, username, created_at)
SELECT md5('galaxy-player-' || g)::uuid, 'pilot' || g, timestamptz '2025-01-06 00:00+00'
FROM generate_series(1, 4) g;
INSERT INTO public.ships (id, player_id, system_id, name, created_at)
SELECT md5('galaxy-ship-' || g)::uuid, md5('galaxy-player-' || (1 + g % 4))::uuid, 'SOL',
       'ship-' || g, timestamptz '2025-01-06 00:00+00' + g * interval '1 minute'
FROM generate_series(1, 8) g;
INSERT INTO public.snapshots (id, tick_number, game_time, state, created_at)
SELECT id, tick_number, game_time, state, created_at FROM core.snapshots ORDER BY id;
SELECT setval(pg_get_serial_sequence('public.snapshots', 'id'), coalesce(max(id), 1)) FROM public.snapshots;
INSERT INTO public.game_config (key, value, updated_at)
SELECT key, value, updated_at FROM core.game_config;
INSERT INTO public.maneuver_events (ship_id, event_type, tick, game_time, element_errors, extra, created_at)
SELECT md5('galaxy-ship-' || (1 + g % 8))::uuid,
       (ARRAY['planned', 'started', 'completed', 'aborted'])[1 + g % 4], g * 60,
       timestamptz '2025-01-06 00:00+00' + g * interval '1 minute',
       jsonb_build_array(jsonb_build_object('label', 'dv', 'value', g % 7, 'ok', g % 5 <> 0)),
       jsonb_build_object('burn_seconds', g % 30), timestamptz '2025-01-06 00:00+00' + g * interval '1 minute'
FROM generate_series(1, 40) g;

DROP SCHEMA core, raw, metrics, statescope CASCADE;
