-- the same index unique on one side and not on the other; one index gains INCLUDE columns, another changes method (btree -> hash)
-- from
CREATE TABLE players (
    id uuid PRIMARY KEY,
    username varchar(20) NOT NULL,
    device_id varchar(128),
    email varchar(255)
);
CREATE INDEX idx_players_username ON players (username);
CREATE INDEX idx_players_device ON players (device_id);
CREATE INDEX idx_players_email ON players (email);
-- to
CREATE TABLE players (
    id uuid PRIMARY KEY,
    username varchar(20) NOT NULL,
    device_id varchar(128),
    email varchar(255)
);
CREATE UNIQUE INDEX idx_players_username ON players (username);
CREATE INDEX idx_players_device ON players USING hash (device_id);
CREATE INDEX idx_players_email ON players (email) INCLUDE (username);
