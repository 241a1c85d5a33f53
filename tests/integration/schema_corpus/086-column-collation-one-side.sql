-- a column uses a collation on one side only ("C"), another uses a user libc collation; an index uses an explicit COLLATE
-- from
CREATE TABLE waypoints (
    symbol text PRIMARY KEY,
    system_symbol text NOT NULL,
    name text
);
CREATE INDEX waypoints_name ON waypoints (name);
-- to
CREATE COLLATION ascii_order (provider = libc, locale = 'C');
CREATE TABLE waypoints (
    symbol text COLLATE "C" PRIMARY KEY,
    system_symbol text COLLATE ascii_order NOT NULL,
    name text
);
CREATE INDEX waypoints_name ON waypoints (name COLLATE "C");
