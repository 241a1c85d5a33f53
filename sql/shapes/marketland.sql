-- Marketland+'s own layout, as its Flyway migrations make it: players with wallet CHECKs,
-- cloud saves with the keep-the-last-5 trigger, player_events range-partitioned by month,
-- row-level security on the player tables keyed on app.current_player_id, and a
-- flyway_schema_history with a schema marker row, a failed and a repeatable migration.
-- Rows are generated here, deterministically (ids from md5, times from fixed dates). A
-- database created with Statescope's weekly schema loses it first.
DROP SCHEMA IF EXISTS core, raw, metrics, statescope CASCADE;
CREATE TABLE public.players (
    player_id     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    display_name  varchar(32) NOT NULL,
    level         integer NOT NULL DEFAULT 1 CHECK (level >= 1),
    coins         bigint NOT NULL DEFAULT 0 CHECK (coins >= 0),
    gems          integer NOT NULL DEFAULT 0 CHECK (gems >= 0),
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_login_at timestamptz,
    settings      jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX idx_players_level ON public.players (level);

CREATE TABLE public.save_snapshots (
    snapshot_id   bigserial PRIMARY KEY,
    player_id     uuid NOT NULL REFERENCES public.players (player_id) ON DELETE CASCADE,
    version       varchar(16) NOT NULL,
    snapshot_data jsonb NOT NULL,
    checksum      varchar(64) NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_snapshots_player ON public.save_snapshots (player_id, created_at DESC);

CREATE FUNCTION public.prune_old_snapshots() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM public.save_snapshots
    WHERE player_id = NEW.player_id
      AND snapshot_id NOT IN (SELECT snapshot_id FROM public.save_snapshots
                              WHERE player_id = NEW.player_id
                              ORDER BY created_at DESC LIMIT 5);
    RETURN NEW;
END;
$$;
CREATE TRIGGER trg_prune_snapshots AFTER INSERT ON public.save_snapshots
FOR EACH ROW EXECUTE FUNCTION public.prune_old_snapshots();

CREATE TABLE public.player_events (
    event_id    bigserial,
    player_id   uuid NOT NULL,
    event_type  varchar(64) NOT NULL,
    event_data  jsonb,
    occurred_at timestamptz NOT NULL DEFAULT now()
) PARTITION BY RANGE (occurred_at);
CREATE TABLE public.player_events_2025_10 PARTITION OF public.player_events
    FOR VALUES FROM ('2025-10-01 00:00+00') TO ('2025-11-01 00:00+00');
CREATE TABLE public.player_events_2025_11 PARTITION OF public.player_events
    FOR VALUES FROM ('2025-11-01 00:00+00') TO ('2025-12-01 00:00+00');
CREATE TABLE public.player_events_2025_12 PARTITION OF public.player_events
    FOR VALUES FROM ('2025-12-01 00:00+00') TO ('2026-01-01 00:00+00');
CREATE INDEX idx_events_player_time ON public.player_events (player_id, occurred_at DESC);
CREATE INDEX idx_events_type_time ON public.player_events (event_type, occurred_at DESC);

CREATE TABLE public.flyway_schema_history (
    installed_rank integer PRIMARY KEY,
    version        varchar(50),
    description    varchar(200) NOT NULL,
    type           varchar(20) NOT NULL,
    script         varchar(1000) NOT NULL,
    checksum       integer,
    installed_by   varchar(100) NOT NULL,
    installed_on   timestamp NOT NULL DEFAULT now(),
    execution_time integer NOT NULL,
    success        boolean NOT NULL
);
INSERT INTO public.flyway_schema_history VALUES
    (1, NULL, '<< Flyway Schema Creation >>', 'SCHEMA', '"public"', NULL, 'marketland', '2025-09-01 10:00', 0, true),
    (2, '1', 'players', 'SQL', 'V1__players.sql', -1843016249, 'marketland', '2025-09-01 10:00', 41, true),
    (3, '2', 'saves and trigger', 'SQL', 'V2__saves_and_trigger.sql', 917262215, 'marketland', '2025-09-01 10:00', 23, true),
    (4, '2.1', 'player events by month', 'SQL', 'V2_1__player_events_by_month.sql', -20481377, 'marketland', '2025-09-20 09:12', 35, true),
    (5, '3', 'row level security', 'SQL', 'V3__row_level_security.sql', 1203345112, 'marketland', '2025-10-02 08:00', 12, true),
    (6, '4', 'wallet history', 'SQL', 'V4__wallet_history.sql', -771254911, 'marketland', '2025-10-15 08:00', 5, false),
    (7, NULL, 'leaderboard view', 'SQL', 'R__leaderboard_view.sql', 443355917, 'marketland', '2025-10-15 08:01', 3, true);

INSERT INTO public.players (player_id, display_name, level, coins, gems, created_at, last_login_at)
SELECT md5('marketland-player-' || g)::uuid, 'farmer' || g, 1 + g % 30, 100 * g, g % 17,
       timestamptz '2025-10-01 00:00+00' + g * interval '1 hour',
       timestamptz '2025-12-20 00:00+00' + g * interval '1 hour'
FROM generate_series(1, 24) g;

-- Seven saves per player, one a day: the trigger keeps the last five. Most checksums are
-- the SHA-256 of jsonb's text; players 3, 6, 9, ... used the compact text; player 5's
-- newest save carries a checksum of nothing we know.
INSERT INTO public.save_snapshots (player_id, version, snapshot_data, checksum, created_at)
SELECT p.player_id, '3.0.' || (s % 3), d.data,
       CASE WHEN p.n = 5 AND s = 7 THEN repeat('0', 64)
            WHEN p.n % 3 = 0 THEN encode(sha256(convert_to(replace(replace(d.data::text, ', ', ','), ': ', ':'), 'UTF8')), 'hex')
            ELSE encode(sha256(convert_to(d.data::text, 'UTF8')), 'hex') END,
       timestamptz '2025-12-01 00:00+00' + s * interval '1 day' + p.n * interval '1 minute'
FROM (SELECT player_id, row_number() OVER (ORDER BY display_name) AS n FROM public.players) p,
     generate_series(1, 7) s,
     LATERAL (SELECT jsonb_build_object(
         'coins', 100 * p.n + 10 * s, 'level', 1 + p.n % 30,
         'farm', jsonb_build_object('plots', s + 3, 'crops', jsonb_build_array('wheat', 'corn')),
         'store', jsonb_build_object('open', s % 2 = 0, 'shelves', s)) AS data) d
ORDER BY s, p.n;

INSERT INTO public.player_events (player_id, event_type, event_data, occurred_at)
SELECT md5('marketland-player-' || (1 + g % 24))::uuid,
       (ARRAY['crop_harvested', 'purchase', 'quest_complete', 'login'])[1 + g % 4],
       jsonb_build_object('n', g, 'coins', g % 50),
       timestamptz '2025-10-01 00:00+00' + g * interval '37 minutes'
FROM generate_series(1, 3400) g;

-- Processing buildings' jobs: completed ones older than 30 days go to the archive (the
-- seed's pg_cron job); the high-write table has its own autovacuum settings.
CREATE TABLE public.processing_jobs (
    job_id        bigserial PRIMARY KEY,
    player_id     uuid NOT NULL REFERENCES public.players (player_id) ON DELETE CASCADE,
    building_type varchar(32) NOT NULL,
    recipe        varchar(64) NOT NULL,
    queued_at     timestamptz NOT NULL DEFAULT now(),
    starts_at     timestamptz NOT NULL,
    finishes_at   timestamptz NOT NULL,
    is_complete   boolean NOT NULL DEFAULT false,
    output_qty    smallint NOT NULL,
    xp_reward     smallint NOT NULL
);
CREATE INDEX idx_jobs_player_active ON public.processing_jobs (player_id, finishes_at) WHERE NOT is_complete;
CREATE INDEX idx_jobs_finishes ON public.processing_jobs (finishes_at) WHERE NOT is_complete;
CREATE TABLE public.processing_jobs_archive (LIKE public.processing_jobs);
ALTER TABLE public.processing_jobs SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.005);
INSERT INTO public.processing_jobs (player_id, building_type, recipe, queued_at, starts_at, finishes_at,
                                    is_complete, output_qty, xp_reward)
SELECT md5('marketland-player-' || (1 + g % 24))::uuid,
       (ARRAY['barn', 'dairy', 'bakery', 'juicer'])[1 + g % 4],
       (ARRAY['wheat_flour', 'cheese', 'bread', 'apple_juice'])[1 + g % 4],
       timestamptz '2025-10-01 00:00+00' + g * interval '2 days' - interval '2 hours',
       timestamptz '2025-10-01 00:00+00' + g * interval '2 days' - interval '1 hour',
       timestamptz '2025-10-01 00:00+00' + g * interval '2 days',
       g % 4 <> 0, 1 + g % 5, 10 + g % 7
FROM generate_series(1, 48) g;

ALTER TABLE public.save_snapshots ENABLE ROW LEVEL SECURITY;
CREATE POLICY player_saves ON public.save_snapshots
    USING (player_id = current_setting('app.current_player_id')::uuid);
ALTER TABLE public.player_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY player_events_own ON public.player_events
    USING (player_id = current_setting('app.current_player_id')::uuid);
ALTER TABLE public.processing_jobs ENABLE ROW LEVEL SECURITY;
CREATE POLICY processing_jobs_isolation ON public.processing_jobs
    USING (player_id = current_setting('app.current_player_id')::uuid);
ANALYZE;
