-- a trigger function's body changes while the trigger stays; a statement trigger with a transition table is added
-- from
CREATE TABLE plays (
    id integer PRIMARY KEY,
    game_id integer NOT NULL,
    play_number integer NOT NULL
);
CREATE TABLE play_audit (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    play_id integer NOT NULL,
    action text NOT NULL,
    at timestamptz NOT NULL DEFAULT now()
);
CREATE FUNCTION audit_play() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO play_audit (play_id, action) VALUES (OLD.id, TG_OP);
    RETURN OLD;
END
$$;
CREATE TRIGGER plays_audit
    AFTER DELETE ON plays
    FOR EACH ROW EXECUTE FUNCTION audit_play();
-- to
CREATE TABLE plays (
    id integer PRIMARY KEY,
    game_id integer NOT NULL,
    play_number integer NOT NULL
);
CREATE TABLE play_audit (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    play_id integer NOT NULL,
    action text NOT NULL,
    at timestamptz NOT NULL DEFAULT now()
);
CREATE FUNCTION audit_play() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO play_audit (play_id, action) VALUES (OLD.id, lower(TG_OP) || ' play ' || OLD.play_number);
    RETURN NULL;
END
$$;
CREATE TRIGGER plays_audit
    AFTER DELETE ON plays
    FOR EACH ROW EXECUTE FUNCTION audit_play();
CREATE FUNCTION count_deleted_plays() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO play_audit (play_id, action)
    SELECT min(id), 'deleted ' || count(*) FROM gone HAVING count(*) > 0;
    RETURN NULL;
END
$$;
CREATE TRIGGER plays_deleted_batch
    AFTER DELETE ON plays
    REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION count_deleted_plays();
