-- a primary key and the foreign key referencing it go integer -> bigint, under an index, a check constraint and a view
-- from
CREATE TABLE players (
    id integer PRIMARY KEY,
    name text NOT NULL
);
CREATE TABLE plays (
    id integer PRIMARY KEY,
    player_id integer NOT NULL REFERENCES players (id),
    score integer NOT NULL,
    CONSTRAINT plays_player_id_positive CHECK (player_id > 0)
);
CREATE INDEX plays_player_id_idx ON plays (player_id, score);
CREATE VIEW v_player_scores AS
    SELECT p.id, p.name, sum(pl.score) AS total
    FROM players p JOIN plays pl ON pl.player_id = p.id
    GROUP BY p.id, p.name;
INSERT INTO players VALUES (1, 'ada'), (2, 'bo');
INSERT INTO plays VALUES (1, 1, 10), (2, 2, 7);
-- to
CREATE TABLE players (
    id bigint PRIMARY KEY,
    name text NOT NULL
);
CREATE TABLE plays (
    id integer PRIMARY KEY,
    player_id bigint NOT NULL REFERENCES players (id),
    score integer NOT NULL,
    CONSTRAINT plays_player_id_positive CHECK (player_id > 0)
);
CREATE INDEX plays_player_id_idx ON plays (player_id, score);
CREATE VIEW v_player_scores AS
    SELECT p.id, p.name, sum(pl.score) AS total
    FROM players p JOIN plays pl ON pl.player_id = p.id
    GROUP BY p.id, p.name;
