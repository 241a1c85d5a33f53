-- user functions used by a column default, a check constraint and an expression index are added (functions must come before the table's parts)
-- from
CREATE TABLE players (
    id integer PRIMARY KEY,
    username varchar(20) NOT NULL,
    invite_code text
);
-- to
CREATE FUNCTION valid_username(u text) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT u ~ '^[a-zA-Z0-9_]{3,20}$' $$;
CREATE FUNCTION new_invite_code() RETURNS text
    LANGUAGE sql VOLATILE
    AS $$ SELECT substr(md5(random()::text), 1, 8) $$;
CREATE FUNCTION fold_name(u text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT lower(u) $$;
CREATE TABLE players (
    id integer PRIMARY KEY,
    username varchar(20) NOT NULL CONSTRAINT username_format CHECK (valid_username(username)),
    invite_code text DEFAULT new_invite_code()
);
CREATE UNIQUE INDEX players_username_folded ON players (fold_name(username));
