-- a primary key changes columns (id -> game_id, lineup_no) while a foreign key references it; the FK changes with it
-- from
CREATE TABLE lineups (
    id integer NOT NULL,
    game_id integer NOT NULL,
    lineup_no smallint NOT NULL,
    position text NOT NULL,
    CONSTRAINT lineups_pkey PRIMARY KEY (id)
);
CREATE TABLE plays (
    id integer PRIMARY KEY,
    game_id integer NOT NULL,
    batter_id integer NOT NULL,
    batter_no smallint NOT NULL,
    CONSTRAINT plays_batter_fkey FOREIGN KEY (batter_id) REFERENCES lineups (id)
);
-- to
CREATE TABLE lineups (
    id integer NOT NULL,
    game_id integer NOT NULL,
    lineup_no smallint NOT NULL,
    position text NOT NULL,
    CONSTRAINT lineups_pkey PRIMARY KEY (game_id, lineup_no)
);
CREATE TABLE plays (
    id integer PRIMARY KEY,
    game_id integer NOT NULL,
    batter_id integer NOT NULL,
    batter_no smallint NOT NULL,
    CONSTRAINT plays_batter_fkey FOREIGN KEY (game_id, batter_no) REFERENCES lineups (game_id, lineup_no)
);
