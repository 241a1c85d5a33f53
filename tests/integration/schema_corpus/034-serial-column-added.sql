-- a serial column is added to an existing table with rows, and becomes its primary key
-- from
CREATE TABLE game_sessions (
    game_id uuid NOT NULL,
    connected_at timestamptz NOT NULL DEFAULT now(),
    client text
);
INSERT INTO game_sessions (game_id, client) VALUES
    ('7f3c0000-0000-4000-8000-000000000001', 'web'),
    ('7f3c0000-0000-4000-8000-000000000002', 'cli');
-- to
CREATE TABLE game_sessions (
    game_id uuid NOT NULL,
    connected_at timestamptz NOT NULL DEFAULT now(),
    client text,
    id serial PRIMARY KEY
);
