-- a row trigger defined on a partitioned table (cloned onto each partition) is added; a partition gets its own extra trigger
-- from
CREATE TABLE player_events (
    player_id uuid NOT NULL,
    event_type varchar(64) NOT NULL,
    event_data jsonb,
    occurred_at timestamptz NOT NULL
) PARTITION BY RANGE (occurred_at);
CREATE TABLE player_events_2026_03 PARTITION OF player_events
    FOR VALUES FROM ('2026-03-01 00:00:00+00') TO ('2026-04-01 00:00:00+00');
CREATE TABLE player_events_2026_04 PARTITION OF player_events
    FOR VALUES FROM ('2026-04-01 00:00:00+00') TO ('2026-05-01 00:00:00+00');
CREATE FUNCTION default_event_data() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.event_data := coalesce(NEW.event_data, '{}'::jsonb);
    RETURN NEW;
END
$$;
-- to
CREATE TABLE player_events (
    player_id uuid NOT NULL,
    event_type varchar(64) NOT NULL,
    event_data jsonb,
    occurred_at timestamptz NOT NULL
) PARTITION BY RANGE (occurred_at);
CREATE TABLE player_events_2026_03 PARTITION OF player_events
    FOR VALUES FROM ('2026-03-01 00:00:00+00') TO ('2026-04-01 00:00:00+00');
CREATE TABLE player_events_2026_04 PARTITION OF player_events
    FOR VALUES FROM ('2026-04-01 00:00:00+00') TO ('2026-05-01 00:00:00+00');
CREATE FUNCTION default_event_data() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.event_data := coalesce(NEW.event_data, '{}'::jsonb);
    RETURN NEW;
END
$$;
CREATE TRIGGER player_events_default_data
    BEFORE INSERT ON player_events
    FOR EACH ROW EXECUTE FUNCTION default_event_data();
CREATE FUNCTION reject_closed_month() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    RAISE EXCEPTION 'month % is closed', to_char(NEW.occurred_at, 'YYYY-MM');
END
$$;
CREATE TRIGGER player_events_2026_03_closed
    BEFORE INSERT ON player_events_2026_03
    FOR EACH ROW EXECUTE FUNCTION reject_closed_month();
