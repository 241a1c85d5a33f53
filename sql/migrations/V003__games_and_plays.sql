-- Turn-based games in the shape of a baseball card game engine.

CREATE TABLE core.games (
    id             uuid PRIMARY KEY,
    league_id      text    NOT NULL CHECK (league_id IN ('sba', 'pd')),
    home_team_id   integer NOT NULL,
    away_team_id   integer NOT NULL,
    status         text    NOT NULL DEFAULT 'pending'
                           CHECK (status IN ('pending', 'active', 'completed', 'abandoned')),
    current_inning integer NOT NULL DEFAULT 1 CHECK (current_inning >= 1),
    current_half   text    NOT NULL DEFAULT 'top' CHECK (current_half IN ('top', 'bottom')),
    home_score     integer NOT NULL DEFAULT 0 CHECK (home_score >= 0),
    away_score     integer NOT NULL DEFAULT 0 CHECK (away_score >= 0),
    winner_team_id integer,
    created_at     timestamptz NOT NULL DEFAULT now(),
    started_at     timestamptz,
    completed_at   timestamptz,
    CHECK (home_team_id <> away_team_id)
);
CREATE INDEX games_status_idx ON core.games (status, created_at DESC);

-- Who may play for each side: a card (pd league) or a player (sba league), never both.
CREATE TABLE core.roster_links (
    id        serial  PRIMARY KEY,
    game_id   uuid    NOT NULL REFERENCES core.games (id) ON DELETE CASCADE,
    team_id   integer NOT NULL,
    card_id   integer,
    player_id integer,
    CONSTRAINT roster_links_one_of CHECK ((card_id IS NULL) <> (player_id IS NULL)),
    UNIQUE (game_id, card_id),
    UNIQUE (game_id, player_id)
);

-- Lineup rows. Starters have after_play NULL; a substitution is a new row that
-- takes effect after play after_play and replaces lineup row replacing_id.
CREATE TABLE core.lineups (
    id             serial  PRIMARY KEY,
    game_id        uuid    NOT NULL REFERENCES core.games (id) ON DELETE CASCADE,
    team_id        integer NOT NULL,
    card_id        integer,
    player_id      integer,
    position       text    NOT NULL,
    batting_order  integer CHECK (batting_order BETWEEN 1 AND 9),
    is_starter     boolean NOT NULL DEFAULT true,
    is_active      boolean NOT NULL DEFAULT true,
    replacing_id   integer REFERENCES core.lineups (id),
    after_play     integer CHECK (after_play >= 0),
    entered_inning integer,
    CONSTRAINT lineups_one_of CHECK ((card_id IS NULL) <> (player_id IS NULL)),
    CONSTRAINT lineups_sub_has_play CHECK (is_starter OR after_play IS NOT NULL)
);
CREATE INDEX lineups_game_idx ON core.lineups (game_id, team_id);

-- One row per plate appearance. The row holds the state at the START of the
-- play, then what the play did. The state after a play is its start plus its
-- outs_recorded and runs_scored (and the runners' *_final bases).
CREATE TABLE core.plays (
    id                 bigserial PRIMARY KEY,
    game_id            uuid    NOT NULL REFERENCES core.games (id) ON DELETE CASCADE,
    play_number        integer NOT NULL CHECK (play_number >= 1),
    inning             integer NOT NULL CHECK (inning >= 1),
    half               text    NOT NULL CHECK (half IN ('top', 'bottom')),
    outs_before        integer NOT NULL CHECK (outs_before BETWEEN 0 AND 2),
    away_score         integer NOT NULL CHECK (away_score >= 0),
    home_score         integer NOT NULL CHECK (home_score >= 0),
    on_base_code       integer NOT NULL DEFAULT 0 CHECK (on_base_code BETWEEN 0 AND 7),
    on_first_id        integer REFERENCES core.lineups (id),
    on_second_id       integer REFERENCES core.lineups (id),
    on_third_id        integer REFERENCES core.lineups (id),
    batter_id          integer NOT NULL REFERENCES core.lineups (id),
    pitcher_id         integer NOT NULL REFERENCES core.lineups (id),
    catcher_id         integer REFERENCES core.lineups (id),
    batting_order      integer CHECK (batting_order BETWEEN 1 AND 9),
    -- Where each man ended: 1-3 = base reached, 4 = scored, NULL = out or absent.
    batter_final       integer CHECK (batter_final BETWEEN 1 AND 4),
    on_first_final     integer CHECK (on_first_final BETWEEN 1 AND 4),
    on_second_final    integer CHECK (on_second_final BETWEEN 1 AND 4),
    on_third_final     integer CHECK (on_third_final BETWEEN 1 AND 4),
    outs_recorded      integer NOT NULL DEFAULT 0 CHECK (outs_recorded BETWEEN 0 AND 3),
    runs_scored        integer NOT NULL DEFAULT 0 CHECK (runs_scored BETWEEN 0 AND 4),
    dice_roll          text,
    result_description text,
    pa       smallint NOT NULL DEFAULT 0,
    ab       smallint NOT NULL DEFAULT 0,
    hit      smallint NOT NULL DEFAULT 0,
    double   smallint NOT NULL DEFAULT 0,
    triple   smallint NOT NULL DEFAULT 0,
    homerun  smallint NOT NULL DEFAULT 0,
    bb       smallint NOT NULL DEFAULT 0,
    so       smallint NOT NULL DEFAULT 0,
    rbi      smallint NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (game_id, play_number)
);

-- Dice rolls are kept for audit, even when the plays they fed are rolled back.
CREATE TABLE core.rolls (
    roll_id     text    PRIMARY KEY,
    game_id     uuid    NOT NULL REFERENCES core.games (id) ON DELETE CASCADE,
    play_number integer,
    roll_type   text    NOT NULL,
    roll_data   jsonb   NOT NULL,
    context     jsonb,
    team_id     integer,
    player_id   integer,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rolls_game_idx ON core.rolls (game_id, play_number);

CREATE TABLE core.game_sessions (
    game_id         uuid PRIMARY KEY REFERENCES core.games (id) ON DELETE CASCADE,
    connected_users jsonb NOT NULL DEFAULT '{}'::jsonb,
    last_action_at  timestamptz,
    state_snapshot  jsonb
);
