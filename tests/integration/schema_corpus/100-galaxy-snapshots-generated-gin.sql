-- Galaxy migration: the JSONB snapshots table gains generated columns read from state, a GIN index, a BRIN index and a retention function
-- from
CREATE TABLE snapshots (
    id serial PRIMARY KEY,
    tick_number bigint NOT NULL,
    game_time timestamptz NOT NULL,
    state jsonb NOT NULL,
    created_at timestamptz DEFAULT now()
);
CREATE INDEX idx_snapshots_tick ON snapshots (tick_number DESC);
INSERT INTO snapshots (tick_number, game_time, state) VALUES
    (5120, '2025-01-15 10:30:00+00',
     '{"tick_number": 5120, "paused": false, "tick_rate": 1.0, "bodies": [], "ships": [{"name": "Kestrel", "fuel": 0.0}]}');
-- to
CREATE TABLE snapshots (
    id serial PRIMARY KEY,
    tick_number bigint NOT NULL,
    game_time timestamptz NOT NULL,
    state jsonb NOT NULL,
    created_at timestamptz DEFAULT now(),
    paused boolean GENERATED ALWAYS AS ((state ->> 'paused')::boolean) STORED,
    ship_count integer GENERATED ALWAYS AS (jsonb_array_length(coalesce(state -> 'ships', '[]'::jsonb))) STORED
);
CREATE INDEX idx_snapshots_tick ON snapshots (tick_number DESC);
CREATE INDEX idx_snapshots_state ON snapshots USING gin (state jsonb_path_ops);
CREATE INDEX idx_snapshots_created_brin ON snapshots USING brin (created_at);
CREATE FUNCTION prune_snapshots(max_keep integer DEFAULT 100, min_age interval DEFAULT '1 hour') RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE
    n integer;
BEGIN
    DELETE FROM snapshots
    WHERE created_at < now() - min_age
      AND id NOT IN (SELECT id FROM snapshots ORDER BY tick_number DESC LIMIT max_keep);
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;
