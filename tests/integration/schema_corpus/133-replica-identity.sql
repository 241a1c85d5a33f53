-- replica identity (for logical replication) set to FULL, to NOTHING, to a unique index and to the primary key, and back to the default
-- from
CREATE SCHEMA raw;
CREATE TABLE raw.events (id bigint PRIMARY KEY, request_key text NOT NULL, body jsonb);
CREATE TABLE raw.pages (run_id integer NOT NULL, page integer NOT NULL, body jsonb);
CREATE UNIQUE INDEX pages_key ON raw.pages (run_id, page);
ALTER TABLE raw.pages ALTER COLUMN run_id SET NOT NULL;
CREATE TABLE raw.runs (id integer PRIMARY KEY, note text);
ALTER TABLE raw.runs REPLICA IDENTITY FULL;
CREATE TABLE raw.cache (k text NOT NULL, v text);
CREATE TABLE raw.keys (id integer PRIMARY KEY, code text NOT NULL);
CREATE UNIQUE INDEX keys_code ON raw.keys (code);
ALTER TABLE raw.keys REPLICA IDENTITY USING INDEX keys_code;
INSERT INTO raw.events VALUES (1, 'a', '{}');
INSERT INTO raw.pages VALUES (1, 1, NULL);
INSERT INTO raw.runs VALUES (1, 'x');
INSERT INTO raw.keys VALUES (1, 'k1');
-- to
CREATE SCHEMA raw;
CREATE TABLE raw.events (id bigint PRIMARY KEY, request_key text NOT NULL, body jsonb);
ALTER TABLE raw.events REPLICA IDENTITY FULL;
CREATE TABLE raw.pages (run_id integer NOT NULL, page integer NOT NULL, body jsonb);
CREATE UNIQUE INDEX pages_key ON raw.pages (run_id, page);
ALTER TABLE raw.pages REPLICA IDENTITY USING INDEX pages_key;
CREATE TABLE raw.runs (id integer PRIMARY KEY, note text);
ALTER TABLE raw.runs REPLICA IDENTITY USING INDEX runs_pkey;
CREATE TABLE raw.cache (k text NOT NULL, v text);
ALTER TABLE raw.cache REPLICA IDENTITY NOTHING;
CREATE TABLE raw.keys (id integer PRIMARY KEY, code text NOT NULL);
CREATE UNIQUE INDEX keys_code ON raw.keys (code);
INSERT INTO raw.events VALUES (2, 'b', NULL);
