-- a function's argument list changes (a second argument with a default), which makes it a different function
-- from
CREATE TABLE players (
    id integer PRIMARY KEY,
    credits bigint NOT NULL DEFAULT 0
);
CREATE FUNCTION add_credits(p_player integer, p_amount bigint) RETURNS bigint
    LANGUAGE sql
    AS $$ UPDATE players SET credits = credits + p_amount WHERE id = p_player RETURNING credits $$;
-- to
CREATE TABLE players (
    id integer PRIMARY KEY,
    credits bigint NOT NULL DEFAULT 0
);
CREATE FUNCTION add_credits(p_player integer, p_amount bigint, p_reason text DEFAULT 'trade') RETURNS bigint
    LANGUAGE sql
    AS $$ UPDATE players SET credits = credits + p_amount WHERE id = p_player AND p_reason IS NOT NULL RETURNING credits $$;
