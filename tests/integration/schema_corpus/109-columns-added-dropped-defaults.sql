-- plain column changes: columns added (with default and NOT NULL) and dropped, a default changed and removed, NOT NULL added and dropped
-- from
CREATE TABLE game_sessions (
    id serial PRIMARY KEY,
    game_id uuid NOT NULL,
    client text NOT NULL DEFAULT 'web',
    connected_at timestamptz,
    last_ping timestamptz DEFAULT now(),
    legacy_token text
);
INSERT INTO game_sessions (game_id, connected_at) VALUES ('7f3c0000-0000-4000-8000-000000000001', '2025-01-06 12:00+00');
-- to
CREATE TABLE game_sessions (
    id serial PRIMARY KEY,
    game_id uuid NOT NULL,
    client text DEFAULT 'desktop',
    connected_at timestamptz NOT NULL,
    last_ping timestamptz,
    websocket_id text NOT NULL DEFAULT '',
    snapshot jsonb
);
