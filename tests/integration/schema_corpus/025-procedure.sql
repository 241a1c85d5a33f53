-- a procedure is added and another procedure's body and arguments change
-- from
CREATE TABLE plays (
    id integer PRIMARY KEY,
    game_id integer NOT NULL,
    play_number integer NOT NULL
);
CREATE TABLE lineups (
    id integer PRIMARY KEY,
    game_id integer NOT NULL,
    after_play integer
);
CREATE PROCEDURE delete_plays_after(p_game integer, p_play integer)
    LANGUAGE sql
    AS $$ DELETE FROM plays WHERE game_id = p_game AND play_number > p_play $$;
-- to
CREATE TABLE plays (
    id integer PRIMARY KEY,
    game_id integer NOT NULL,
    play_number integer NOT NULL
);
CREATE TABLE lineups (
    id integer PRIMARY KEY,
    game_id integer NOT NULL,
    after_play integer
);
CREATE PROCEDURE delete_plays_after(IN p_game integer, IN p_play integer, INOUT deleted bigint DEFAULT NULL)
    LANGUAGE plpgsql
    AS $$
BEGIN
    DELETE FROM plays WHERE game_id = p_game AND play_number > p_play;
    GET DIAGNOSTICS deleted = ROW_COUNT;
END
$$;
CREATE PROCEDURE rollback_to_play(p_game integer, p_play integer)
    LANGUAGE plpgsql
    AS $$
BEGIN
    DELETE FROM plays WHERE game_id = p_game AND play_number > p_play;
    DELETE FROM lineups WHERE game_id = p_game AND after_play >= p_play;
END
$$;
