-- a trigger and its function are dropped; another trigger is disabled on one side
-- from
CREATE SCHEMA raw;
CREATE TABLE raw.api_events (
    id bigint PRIMARY KEY,
    payload jsonb NOT NULL,
    payload_hash text
);
CREATE FUNCTION raw.reject_update() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    RAISE EXCEPTION 'api_events is append-only';
END
$$;
CREATE TRIGGER api_events_append_only
    BEFORE UPDATE OR DELETE ON raw.api_events
    FOR EACH ROW EXECUTE FUNCTION raw.reject_update();
CREATE FUNCTION raw.require_hash() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NEW.payload_hash IS NULL THEN
        RAISE EXCEPTION 'payload_hash missing';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER api_events_require_hash
    BEFORE INSERT ON raw.api_events
    FOR EACH ROW EXECUTE FUNCTION raw.require_hash();
-- to
CREATE SCHEMA raw;
CREATE TABLE raw.api_events (
    id bigint PRIMARY KEY,
    payload jsonb NOT NULL,
    payload_hash text
);
CREATE FUNCTION raw.require_hash() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NEW.payload_hash IS NULL THEN
        RAISE EXCEPTION 'payload_hash missing';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER api_events_require_hash
    BEFORE INSERT ON raw.api_events
    FOR EACH ROW EXECUTE FUNCTION raw.require_hash();
ALTER TABLE raw.api_events DISABLE TRIGGER api_events_require_hash;
