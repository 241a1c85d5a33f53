-- Paper Dynasty's own layout, as its SQLAlchemy models and Alembic make it: everything in
-- public, columns in the models' order with extra columns of the game's own (game_mode,
-- visibility, is_fatigued, complete, locked, hbp, sac, ...), serial ids, a one-row
-- alembic_version. The rows come from the weekly schema the deterministic generator filled
-- (same games, plays, lineups and rolls), which is then removed with every trace of
-- Statescope: the result is a database Statescope did not create.
CREATE TABLE public.games (
    id             uuid PRIMARY KEY,
    league_id      varchar(10) NOT NULL,
    home_team_id   integer NOT NULL,
    away_team_id   integer NOT NULL,
    status         varchar(20) NOT NULL DEFAULT 'pending',
    game_mode      varchar(20) NOT NULL DEFAULT 'ranked',
    visibility     varchar(20) NOT NULL DEFAULT 'public',
    current_inning integer,
    current_half   varchar(10),
    home_score     integer DEFAULT 0,
    away_score     integer DEFAULT 0,
    winner_team_id integer,
    created_at     timestamptz DEFAULT now(),
    started_at     timestamptz,
    completed_at   timestamptz,
    updated_at     timestamptz
);
CREATE INDEX ix_games_status ON public.games (status);

CREATE TABLE public.roster_links (
    id        serial PRIMARY KEY,
    game_id   uuid NOT NULL REFERENCES public.games (id) ON DELETE CASCADE,
    card_id   integer,
    player_id integer,
    team_id   integer NOT NULL,
    CONSTRAINT roster_link_one_id CHECK ((card_id IS NULL) <> (player_id IS NULL))
);

CREATE TABLE public.lineups (
    id             serial PRIMARY KEY,
    game_id        uuid NOT NULL REFERENCES public.games (id) ON DELETE CASCADE,
    team_id        integer NOT NULL,
    card_id        integer,
    player_id      integer,
    position       varchar(10) NOT NULL,
    batting_order  integer,
    is_starter     boolean DEFAULT true,
    is_active      boolean DEFAULT true,
    entered_inning integer,
    replacing_id   integer,
    after_play     integer,
    is_fatigued    boolean DEFAULT false
);
CREATE INDEX ix_lineups_game_id ON public.lineups (game_id);

CREATE TABLE public.plays (
    id                 serial PRIMARY KEY,
    game_id            uuid NOT NULL REFERENCES public.games (id) ON DELETE CASCADE,
    play_number        integer NOT NULL,
    inning             integer NOT NULL DEFAULT 1,
    half               varchar(10) NOT NULL,
    outs_before        integer NOT NULL DEFAULT 0,
    batting_order      integer,
    away_score         integer DEFAULT 0,
    home_score         integer DEFAULT 0,
    batter_id          integer REFERENCES public.lineups (id),
    pitcher_id         integer REFERENCES public.lineups (id),
    catcher_id         integer REFERENCES public.lineups (id),
    on_base_code       integer DEFAULT 0,
    on_first_id        integer REFERENCES public.lineups (id),
    on_second_id       integer REFERENCES public.lineups (id),
    on_third_id        integer REFERENCES public.lineups (id),
    on_first_final     integer,
    on_second_final    integer,
    on_third_final     integer,
    batter_final       integer,
    pa                 integer DEFAULT 0,
    ab                 integer DEFAULT 0,
    hit                integer DEFAULT 0,
    double             integer DEFAULT 0,
    triple             integer DEFAULT 0,
    homerun            integer DEFAULT 0,
    bb                 integer DEFAULT 0,
    so                 integer DEFAULT 0,
    hbp                integer DEFAULT 0,
    rbi                integer DEFAULT 0,
    sac                integer DEFAULT 0,
    outs_recorded      integer DEFAULT 0,
    runs_scored        integer DEFAULT 0,
    dice_roll          varchar(50),
    result_description text,
    complete           boolean DEFAULT true,
    locked             boolean DEFAULT false,
    created_at         timestamptz DEFAULT now(),
    CONSTRAINT uq_game_play_number UNIQUE (game_id, play_number)
);

CREATE TABLE public.rolls (
    roll_id     varchar(64) PRIMARY KEY,
    game_id     uuid NOT NULL REFERENCES public.games (id) ON DELETE CASCADE,
    roll_type   varchar(20) NOT NULL,
    league_id   varchar(10),
    team_id     integer,
    player_id   integer,
    roll_data   jsonb NOT NULL,
    context     jsonb,
    play_number integer,
    created_at  timestamptz DEFAULT now()
);
CREATE INDEX ix_rolls_game_id ON public.rolls (game_id);

CREATE TABLE public.game_sessions (
    game_id         uuid PRIMARY KEY REFERENCES public.games (id) ON DELETE CASCADE,
    connected_users jsonb DEFAULT '{}'::jsonb,
    last_action_at  timestamptz,
    state_snapshot  jsonb
);

CREATE TABLE public.alembic_version (
    version_num varchar(32) NOT NULL PRIMARY KEY
);
INSERT INTO public.alembic_version VALUES ('c4e1f0a7b9d2');

INSERT INTO public.games
SELECT id, league_id, home_team_id, away_team_id, status, 'ranked', 'public', current_inning,
       current_half, home_score, away_score, winner_team_id, created_at, started_at,
       completed_at, coalesce(completed_at, created_at)
FROM core.games;
INSERT INTO public.roster_links (id, game_id, card_id, player_id, team_id)
SELECT id, game_id, card_id, player_id, team_id FROM core.roster_links;
INSERT INTO public.lineups (id, game_id, team_id, card_id, player_id, position, batting_order,
                            is_starter, is_active, entered_inning, replacing_id, after_play)
SELECT id, game_id, team_id, card_id, player_id, position, batting_order, is_starter, is_active,
       entered_inning, replacing_id, after_play FROM core.lineups;
INSERT INTO public.plays (id, game_id, play_number, inning, half, outs_before, batting_order,
                          away_score, home_score, batter_id, pitcher_id, catcher_id, on_base_code,
                          on_first_id, on_second_id, on_third_id, on_first_final, on_second_final,
                          on_third_final, batter_final, pa, ab, hit, double, triple, homerun, bb,
                          so, rbi, outs_recorded, runs_scored, dice_roll, result_description,
                          created_at)
SELECT id, game_id, play_number, inning, half, outs_before, batting_order, away_score, home_score,
       batter_id, pitcher_id, catcher_id, on_base_code, on_first_id, on_second_id, on_third_id,
       on_first_final, on_second_final, on_third_final, batter_final, pa, ab, hit, double,
       triple, homerun, bb, so, rbi, outs_recorded, runs_scored, dice_roll, result_description,
       created_at
FROM core.plays;
INSERT INTO public.rolls (roll_id, game_id, roll_type, team_id, player_id, roll_data, context,
                          play_number, created_at)
SELECT roll_id, game_id, roll_type, team_id, player_id, roll_data, context, play_number, created_at
FROM core.rolls;
INSERT INTO public.game_sessions SELECT * FROM core.game_sessions;
SELECT setval(pg_get_serial_sequence('public.roster_links', 'id'), coalesce(max(id), 1)) FROM public.roster_links;
SELECT setval(pg_get_serial_sequence('public.lineups', 'id'), coalesce(max(id), 1)) FROM public.lineups;
SELECT setval(pg_get_serial_sequence('public.plays', 'id'), coalesce(max(id), 1)) FROM public.plays;

DROP SCHEMA core, raw, metrics, statescope CASCADE;
