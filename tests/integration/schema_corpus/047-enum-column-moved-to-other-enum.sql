-- a column (with a default and rows) moves from one enum type to another enum type with the same labels
-- from
CREATE TYPE half_v1 AS ENUM ('top', 'bottom');
CREATE TYPE inning_half AS ENUM ('top', 'bottom');
CREATE TABLE plays (
    id integer PRIMARY KEY,
    inning smallint NOT NULL,
    half half_v1 NOT NULL DEFAULT 'top'
);
INSERT INTO plays VALUES (1, 1, 'top'), (2, 1, 'bottom');
-- to
CREATE TYPE half_v1 AS ENUM ('top', 'bottom');
CREATE TYPE inning_half AS ENUM ('top', 'bottom');
CREATE TABLE plays (
    id integer PRIMARY KEY,
    inning smallint NOT NULL,
    half inning_half NOT NULL DEFAULT 'top'
);
