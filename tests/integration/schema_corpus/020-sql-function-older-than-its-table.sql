-- a SQL function was created before the table its body reads (table has the newer oid): a script must create the table first
-- from
CREATE TABLE players (
    id integer PRIMARY KEY,
    name text NOT NULL
);
-- to
CREATE TABLE players (
    id integer PRIMARY KEY,
    name text NOT NULL
);
SET check_function_bodies = off;
CREATE FUNCTION public.player_play_count(p_player integer) RETURNS bigint
    LANGUAGE sql STABLE
    AS $$ SELECT count(*) FROM public.plays WHERE player_id = p_player $$;
RESET check_function_bodies;
CREATE TABLE plays (
    id integer PRIMARY KEY,
    player_id integer NOT NULL REFERENCES players (id),
    play_number integer NOT NULL
);
