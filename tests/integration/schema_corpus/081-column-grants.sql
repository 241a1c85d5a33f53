-- column-level grants: SELECT (player_id, username) and UPDATE (settings) to corpus_reader; column SELECT to PUBLIC on a view too
-- from
CREATE TABLE players (
    player_id uuid PRIMARY KEY,
    username varchar(32) NOT NULL,
    email varchar(255),
    settings jsonb NOT NULL DEFAULT '{}'
);
CREATE VIEW v_players AS SELECT player_id, username, email FROM players;
GRANT SELECT (player_id, username, email) ON players TO corpus_reader;
-- to
CREATE TABLE players (
    player_id uuid PRIMARY KEY,
    username varchar(32) NOT NULL,
    email varchar(255),
    settings jsonb NOT NULL DEFAULT '{}'
);
CREATE VIEW v_players AS SELECT player_id, username, email FROM players;
GRANT SELECT (player_id, username) ON players TO corpus_reader;
GRANT UPDATE (settings) ON players TO corpus_reader;
GRANT SELECT (player_id, username) ON v_players TO PUBLIC;
