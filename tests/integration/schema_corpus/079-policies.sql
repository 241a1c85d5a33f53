-- policies: one changes its USING and gains WITH CHECK, one changes its roles to corpus_reader, one is added (restrictive)
-- from
CREATE TABLE save_snapshots (
    snapshot_id bigint PRIMARY KEY,
    player_id uuid NOT NULL,
    version integer NOT NULL,
    snapshot_data jsonb NOT NULL
);
ALTER TABLE save_snapshots ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_saves ON save_snapshots
    USING (player_id = current_setting('app.current_player_id')::uuid);
CREATE POLICY read_saves ON save_snapshots FOR SELECT TO PUBLIC
    USING (true);
-- to
CREATE TABLE save_snapshots (
    snapshot_id bigint PRIMARY KEY,
    player_id uuid NOT NULL,
    version integer NOT NULL,
    snapshot_data jsonb NOT NULL
);
ALTER TABLE save_snapshots ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_saves ON save_snapshots
    USING (player_id = nullif(current_setting('app.current_player_id', true), '')::uuid)
    WITH CHECK (player_id = nullif(current_setting('app.current_player_id', true), '')::uuid AND version > 0);
CREATE POLICY read_saves ON save_snapshots FOR SELECT TO corpus_reader
    USING (true);
CREATE POLICY no_empty_saves ON save_snapshots AS RESTRICTIVE FOR INSERT
    WITH CHECK (snapshot_data <> '{}'::jsonb);
