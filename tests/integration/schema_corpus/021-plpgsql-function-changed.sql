-- a plpgsql function's body and its SET search_path change; a second plpgsql function is added
-- from
CREATE TABLE snapshots (
    id integer PRIMARY KEY,
    tick_number bigint NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE FUNCTION prune_snapshots(keep integer) RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE
    n integer;
BEGIN
    DELETE FROM snapshots
    WHERE id NOT IN (SELECT id FROM snapshots ORDER BY tick_number DESC LIMIT keep);
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;
-- to
CREATE TABLE snapshots (
    id integer PRIMARY KEY,
    tick_number bigint NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE FUNCTION prune_snapshots(keep integer) RETURNS integer
    LANGUAGE plpgsql
    SET search_path = public, pg_temp
    AS $$
DECLARE
    n integer;
BEGIN
    DELETE FROM snapshots
    WHERE created_at < now() - interval '1 hour'
      AND id NOT IN (SELECT id FROM snapshots ORDER BY tick_number DESC LIMIT keep);
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;
CREATE FUNCTION latest_tick() RETURNS bigint
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
    RETURN (SELECT max(tick_number) FROM snapshots);
END
$$;
