-- an extension (pg_trgm) installed in public on one side and in schema ext on the other, with a trigram index using its operator class
-- from
CREATE EXTENSION pg_trgm;
CREATE TABLE waypoints (
    symbol text PRIMARY KEY,
    name text NOT NULL
);
CREATE INDEX waypoints_name_trgm ON waypoints USING gin (name gin_trgm_ops);
-- to
CREATE SCHEMA ext;
CREATE EXTENSION pg_trgm SCHEMA ext;
CREATE TABLE waypoints (
    symbol text PRIMARY KEY,
    name text NOT NULL
);
CREATE INDEX waypoints_name_trgm ON waypoints USING gin (name ext.gin_trgm_ops);
