-- A serial column added to a table another role owns: its new sequence must be that role's before OWNED BY
-- from
CREATE SCHEMA core;
CREATE TABLE core.waypoints (
    symbol text PRIMARY KEY,
    kind text NOT NULL
);
INSERT INTO core.waypoints VALUES ('X1-DF55-A1', 'PLANET'), ('X1-DF55-B2', 'MOON');
ALTER TABLE core.waypoints OWNER TO corpus_other;
-- to
CREATE SCHEMA core;
CREATE TABLE core.waypoints (
    symbol text PRIMARY KEY,
    kind text NOT NULL,
    visit serial NOT NULL
);
INSERT INTO core.waypoints VALUES ('X1-DF55-A1', 'PLANET'), ('X1-DF55-B2', 'MOON');
ALTER TABLE core.waypoints OWNER TO corpus_other;
