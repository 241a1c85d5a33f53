-- a domain's check constraint changes, a second constraint is added to it; a column and a function use the domain
-- from
CREATE DOMAIN score AS integer
    CONSTRAINT score_check CHECK (VALUE >= 0);
CREATE TABLE games (
    id integer PRIMARY KEY,
    home_score score NOT NULL DEFAULT 0,
    away_score score NOT NULL DEFAULT 0
);
CREATE FUNCTION margin(a score, b score) RETURNS integer
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT abs(a - b) $$;
INSERT INTO games VALUES (1, 5, 3);
-- to
CREATE DOMAIN score AS integer
    CONSTRAINT score_check CHECK (VALUE BETWEEN 0 AND 99)
    CONSTRAINT score_not_null CHECK (VALUE IS NOT NULL);
CREATE TABLE games (
    id integer PRIMARY KEY,
    home_score score NOT NULL DEFAULT 0,
    away_score score NOT NULL DEFAULT 0
);
CREATE FUNCTION margin(a score, b score) RETURNS integer
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT abs(a - b) $$;
