-- Marketland+: save_snapshots gains a checksum, a per-player index and a trigger keeping the last 5 saves per player
-- from
CREATE TABLE players (
    player_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    username varchar(32) NOT NULL UNIQUE
);
CREATE TABLE save_snapshots (
    snapshot_id bigserial PRIMARY KEY,
    player_id uuid NOT NULL REFERENCES players (player_id) ON DELETE CASCADE,
    version integer NOT NULL,
    snapshot_data jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
-- to
CREATE TABLE players (
    player_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    username varchar(32) NOT NULL UNIQUE
);
CREATE TABLE save_snapshots (
    snapshot_id bigserial PRIMARY KEY,
    player_id uuid NOT NULL REFERENCES players (player_id) ON DELETE CASCADE,
    version integer NOT NULL,
    snapshot_data jsonb NOT NULL,
    checksum varchar(64),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_saves_player_time ON save_snapshots (player_id, created_at DESC);
CREATE FUNCTION keep_last_five_saves() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    DELETE FROM save_snapshots
    WHERE player_id = NEW.player_id
      AND snapshot_id NOT IN (
          SELECT snapshot_id FROM save_snapshots
          WHERE player_id = NEW.player_id
          ORDER BY created_at DESC
          LIMIT 5);
    RETURN NULL;
END
$$;
CREATE TRIGGER trg_keep_last_five_saves
    AFTER INSERT ON save_snapshots
    FOR EACH ROW EXECUTE FUNCTION keep_last_five_saves();
