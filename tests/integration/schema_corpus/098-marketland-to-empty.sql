-- one side empty: the other has Marketland+ players with RLS, a partitioned event table, an extension and a trigger
-- from
CREATE EXTENSION citext;
CREATE TABLE players (
    player_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    username varchar(32) NOT NULL UNIQUE,
    email citext UNIQUE,
    level smallint NOT NULL DEFAULT 1 CHECK (level BETWEEN 1 AND 200),
    coins bigint NOT NULL DEFAULT 0 CHECK (coins >= 0)
);
ALTER TABLE players ENABLE ROW LEVEL SECURITY;
CREATE POLICY players_self ON players
    USING (player_id = nullif(current_setting('app.current_player_id', true), '')::uuid);
CREATE TABLE player_events (
    event_id bigserial,
    player_id uuid NOT NULL,
    event_type varchar(64) NOT NULL,
    event_data jsonb,
    occurred_at timestamptz NOT NULL DEFAULT now()
) PARTITION BY RANGE (occurred_at);
CREATE TABLE player_events_2026_03 PARTITION OF player_events
    FOR VALUES FROM ('2026-03-01 00:00:00+00') TO ('2026-04-01 00:00:00+00');
CREATE FUNCTION log_level_up() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NEW.level > OLD.level THEN
        INSERT INTO player_events (player_id, event_type, event_data)
        VALUES (NEW.player_id, 'level_up', jsonb_build_object('level', NEW.level));
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER players_level_up AFTER UPDATE OF level ON players
    FOR EACH ROW EXECUTE FUNCTION log_level_up();
GRANT SELECT ON players TO corpus_reader;
-- to
