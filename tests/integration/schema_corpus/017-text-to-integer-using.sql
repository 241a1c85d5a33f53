-- a text column holding numbers becomes integer (needs USING), its default changing with it
-- from
CREATE SCHEMA raw;
CREATE TABLE raw.api_events (
    id bigint PRIMARY KEY,
    endpoint text NOT NULL,
    status_code text NOT NULL DEFAULT '200',
    error_code text
);
INSERT INTO raw.api_events VALUES
    (1, '/my/ships', '200', NULL),
    (2, '/my/ships/ARROW-1/navigate', '400', '4224'),
    (3, '/my/agent', '429', '429');
-- to
CREATE SCHEMA raw;
CREATE TABLE raw.api_events (
    id bigint PRIMARY KEY,
    endpoint text NOT NULL,
    status_code integer NOT NULL DEFAULT 200,
    error_code integer
);
INSERT INTO raw.api_events VALUES (1, '/my/ships', 200, NULL);
