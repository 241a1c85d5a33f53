-- REVOKE EXECUTE ON FUNCTION ... FROM PUBLIC (and GRANT to corpus_reader) versus the default EXECUTE for PUBLIC; also on a procedure
-- from
CREATE TABLE players (
    id integer PRIMARY KEY,
    credits bigint NOT NULL DEFAULT 0
);
CREATE FUNCTION grant_credits(p_player integer, p_amount bigint) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    AS $$ UPDATE players SET credits = credits + p_amount WHERE id = p_player $$;
CREATE PROCEDURE reset_credits()
    LANGUAGE sql
    AS $$ UPDATE players SET credits = 0 $$;
-- to
CREATE TABLE players (
    id integer PRIMARY KEY,
    credits bigint NOT NULL DEFAULT 0
);
CREATE FUNCTION grant_credits(p_player integer, p_amount bigint) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    AS $$ UPDATE players SET credits = credits + p_amount WHERE id = p_player $$;
CREATE PROCEDURE reset_credits()
    LANGUAGE sql
    AS $$ UPDATE players SET credits = 0 $$;
REVOKE EXECUTE ON FUNCTION grant_credits(integer, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION grant_credits(integer, bigint) TO corpus_reader;
REVOKE EXECUTE ON PROCEDURE reset_credits() FROM PUBLIC;
