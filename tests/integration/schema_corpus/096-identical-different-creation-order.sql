-- no difference: partitions, an enum, a domain, functions, a trigger, a policy and grants, created in a different order on each side
-- from
CREATE SCHEMA core;
CREATE TYPE core.event_kind AS ENUM ('crop_harvested', 'purchase', 'quest_complete');
CREATE DOMAIN core.coins AS bigint CHECK (VALUE >= 0);
CREATE TABLE core.players (
    player_id uuid PRIMARY KEY,
    username varchar(32) NOT NULL UNIQUE,
    coins core.coins NOT NULL DEFAULT 0
);
CREATE TABLE core.player_events (
    player_id uuid NOT NULL,
    kind core.event_kind NOT NULL,
    occurred_at timestamptz NOT NULL
) PARTITION BY RANGE (occurred_at);
CREATE TABLE core.player_events_2026_03 PARTITION OF core.player_events
    FOR VALUES FROM ('2026-03-01 00:00:00+00') TO ('2026-04-01 00:00:00+00');
CREATE TABLE core.player_events_2026_04 PARTITION OF core.player_events
    FOR VALUES FROM ('2026-04-01 00:00:00+00') TO ('2026-05-01 00:00:00+00');
CREATE INDEX player_events_player ON core.player_events (player_id, occurred_at DESC);
CREATE FUNCTION core.log_signup() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO core.player_events VALUES (NEW.player_id, 'quest_complete', now());
    RETURN NEW;
END
$$;
CREATE TRIGGER players_signup AFTER INSERT ON core.players
    FOR EACH ROW EXECUTE FUNCTION core.log_signup();
ALTER TABLE core.players ENABLE ROW LEVEL SECURITY;
CREATE POLICY players_self ON core.players
    USING (player_id = nullif(current_setting('app.current_player_id', true), '')::uuid);
GRANT USAGE ON SCHEMA core TO corpus_reader;
GRANT SELECT ON core.players TO corpus_reader;
-- to
CREATE SCHEMA core;
CREATE DOMAIN core.coins AS bigint CHECK (VALUE >= 0);
CREATE TYPE core.event_kind AS ENUM ('crop_harvested', 'purchase', 'quest_complete');
CREATE TABLE core.player_events (
    player_id uuid NOT NULL,
    kind core.event_kind NOT NULL,
    occurred_at timestamptz NOT NULL
) PARTITION BY RANGE (occurred_at);
CREATE INDEX player_events_player ON core.player_events (player_id, occurred_at DESC);
CREATE TABLE core.player_events_2026_04 PARTITION OF core.player_events
    FOR VALUES FROM ('2026-04-01 00:00:00+00') TO ('2026-05-01 00:00:00+00');
CREATE TABLE core.player_events_2026_03 PARTITION OF core.player_events
    FOR VALUES FROM ('2026-03-01 00:00:00+00') TO ('2026-04-01 00:00:00+00');
CREATE FUNCTION core.log_signup() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO core.player_events VALUES (NEW.player_id, 'quest_complete', now());
    RETURN NEW;
END
$$;
GRANT USAGE ON SCHEMA core TO corpus_reader;
CREATE TABLE core.players (
    player_id uuid PRIMARY KEY,
    username varchar(32) NOT NULL UNIQUE,
    coins core.coins NOT NULL DEFAULT 0
);
GRANT SELECT ON core.players TO corpus_reader;
CREATE POLICY players_self ON core.players
    USING (player_id = nullif(current_setting('app.current_player_id', true), '')::uuid);
ALTER TABLE core.players ENABLE ROW LEVEL SECURITY;
CREATE TRIGGER players_signup AFTER INSERT ON core.players
    FOR EACH ROW EXECUTE FUNCTION core.log_signup();
