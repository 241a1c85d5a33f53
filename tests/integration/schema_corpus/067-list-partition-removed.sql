-- a list partition is removed from a list-partitioned table; another list partition gains a value
-- from
CREATE TABLE games (
    id uuid NOT NULL,
    league_id text NOT NULL,
    status text NOT NULL,
    PRIMARY KEY (id, league_id)
) PARTITION BY LIST (league_id);
CREATE TABLE games_sba PARTITION OF games FOR VALUES IN ('sba');
CREATE TABLE games_pd PARTITION OF games FOR VALUES IN ('pd');
CREATE TABLE games_legacy PARTITION OF games FOR VALUES IN ('old', 'beta');
-- to
CREATE TABLE games (
    id uuid NOT NULL,
    league_id text NOT NULL,
    status text NOT NULL,
    PRIMARY KEY (id, league_id)
) PARTITION BY LIST (league_id);
CREATE TABLE games_sba PARTITION OF games FOR VALUES IN ('sba');
CREATE TABLE games_pd PARTITION OF games FOR VALUES IN ('pd', 'pd2');
