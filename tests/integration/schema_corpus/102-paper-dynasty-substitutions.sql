-- Paper Dynasty: lineups gain substitution columns (after_play, replaces a lineup row), plays gain runner/base columns with foreign keys, and a rolls table appears
-- from
CREATE TABLE games (
    id uuid PRIMARY KEY,
    league_id varchar(10) NOT NULL,
    home_team_id integer NOT NULL,
    away_team_id integer NOT NULL,
    status varchar(20) NOT NULL DEFAULT 'active',
    current_inning integer NOT NULL DEFAULT 1,
    current_half varchar(10) NOT NULL DEFAULT 'top',
    home_score integer NOT NULL DEFAULT 0,
    away_score integer NOT NULL DEFAULT 0
);
CREATE TABLE lineups (
    id serial PRIMARY KEY,
    game_id uuid NOT NULL REFERENCES games (id) ON DELETE CASCADE,
    team_id integer NOT NULL,
    card_id integer,
    player_id integer,
    position varchar(10) NOT NULL,
    batting_order integer
);
CREATE INDEX idx_lineups_game ON lineups (game_id, team_id);
CREATE TABLE plays (
    id serial PRIMARY KEY,
    game_id uuid NOT NULL REFERENCES games (id) ON DELETE CASCADE,
    play_number integer NOT NULL,
    inning integer NOT NULL,
    half varchar(10) NOT NULL,
    outs_before integer NOT NULL DEFAULT 0,
    batter_id integer NOT NULL REFERENCES lineups (id),
    pitcher_id integer NOT NULL REFERENCES lineups (id),
    result_description text,
    UNIQUE (game_id, play_number)
);
-- to
CREATE TABLE games (
    id uuid PRIMARY KEY,
    league_id varchar(10) NOT NULL,
    home_team_id integer NOT NULL,
    away_team_id integer NOT NULL,
    status varchar(20) NOT NULL DEFAULT 'active',
    current_inning integer NOT NULL DEFAULT 1,
    current_half varchar(10) NOT NULL DEFAULT 'top',
    home_score integer NOT NULL DEFAULT 0,
    away_score integer NOT NULL DEFAULT 0
);
CREATE TABLE lineups (
    id serial PRIMARY KEY,
    game_id uuid NOT NULL REFERENCES games (id) ON DELETE CASCADE,
    team_id integer NOT NULL,
    card_id integer,
    player_id integer,
    position varchar(10) NOT NULL,
    batting_order integer,
    is_active boolean NOT NULL DEFAULT true,
    after_play integer,
    replacing_id integer REFERENCES lineups (id)
);
CREATE INDEX idx_lineups_game ON lineups (game_id, team_id);
CREATE INDEX idx_lineups_substitutions ON lineups (game_id, after_play) WHERE after_play IS NOT NULL;
CREATE TABLE plays (
    id serial PRIMARY KEY,
    game_id uuid NOT NULL REFERENCES games (id) ON DELETE CASCADE,
    play_number integer NOT NULL,
    inning integer NOT NULL,
    half varchar(10) NOT NULL,
    outs_before integer NOT NULL DEFAULT 0,
    batter_id integer NOT NULL REFERENCES lineups (id),
    pitcher_id integer NOT NULL REFERENCES lineups (id),
    result_description text,
    away_score integer NOT NULL DEFAULT 0,
    home_score integer NOT NULL DEFAULT 0,
    on_base_code smallint NOT NULL DEFAULT 0 CHECK (on_base_code BETWEEN 0 AND 7),
    on_first_id integer REFERENCES lineups (id),
    on_second_id integer REFERENCES lineups (id),
    on_third_id integer REFERENCES lineups (id),
    batter_final smallint CHECK (batter_final BETWEEN 1 AND 4),
    outs_recorded smallint NOT NULL DEFAULT 0,
    runs_scored smallint NOT NULL DEFAULT 0,
    UNIQUE (game_id, play_number)
);
CREATE TABLE rolls (
    roll_id varchar(64) PRIMARY KEY,
    game_id uuid NOT NULL REFERENCES games (id) ON DELETE CASCADE,
    play_number integer,
    roll_type varchar(20) NOT NULL,
    roll_data jsonb NOT NULL,
    rolled_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_rolls_game ON rolls (game_id, rolled_at);
