-- Paper Dynasty: roster_links gets its exactly-one-of card_id/player_id CHECK and per-league unique indexes; games.status goes text -> enum under a view
-- from
CREATE TABLE games (
    id uuid PRIMARY KEY,
    league_id varchar(10) NOT NULL,
    status varchar(20) NOT NULL DEFAULT 'active',
    game_mode varchar(20)
);
CREATE TABLE roster_links (
    id serial PRIMARY KEY,
    game_id uuid NOT NULL REFERENCES games (id) ON DELETE CASCADE,
    team_id integer NOT NULL,
    card_id integer,
    player_id integer
);
CREATE VIEW v_active_games AS
    SELECT id, league_id, status FROM games WHERE status = 'active';
INSERT INTO games VALUES ('7f3c0000-0000-4000-8000-000000000001', 'pd', 'completed', 'ranked');
INSERT INTO roster_links (game_id, team_id, card_id) VALUES ('7f3c0000-0000-4000-8000-000000000001', 11, 901);
-- to
CREATE TYPE game_status AS ENUM ('active', 'completed');
CREATE TABLE games (
    id uuid PRIMARY KEY,
    league_id varchar(10) NOT NULL,
    status game_status NOT NULL DEFAULT 'active',
    game_mode varchar(20),
    visibility varchar(10) NOT NULL DEFAULT 'public'
);
CREATE TABLE roster_links (
    id serial PRIMARY KEY,
    game_id uuid NOT NULL REFERENCES games (id) ON DELETE CASCADE,
    team_id integer NOT NULL,
    card_id integer,
    player_id integer,
    CONSTRAINT roster_link_one_id CHECK ((card_id IS NULL) <> (player_id IS NULL))
);
CREATE UNIQUE INDEX uq_roster_card ON roster_links (game_id, card_id) WHERE card_id IS NOT NULL;
CREATE UNIQUE INDEX uq_roster_player ON roster_links (game_id, player_id) WHERE player_id IS NOT NULL;
CREATE VIEW v_active_games AS
    SELECT id, league_id, status FROM games WHERE status = 'active';
