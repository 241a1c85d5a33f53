-- Prunes and roll-backs of core.snapshots made through Statescope, and every snapshot row
-- they deleted, so that an undo puts the same rows back (same ids, same values).
CREATE TABLE statescope.snapshot_operations (
    id             bigserial   PRIMARY KEY,
    kind           text        NOT NULL CHECK (kind IN ('prune', 'rollback')),
    parameters     jsonb       NOT NULL DEFAULT '{}'::jsonb, -- policy, or the tick rolled back to
    deleted_count  integer     NOT NULL DEFAULT 0,
    restored_count integer     NOT NULL DEFAULT 0,
    reason         text        NOT NULL,
    os_user        text        NOT NULL,
    db_user        text        NOT NULL DEFAULT current_user,
    created_at     timestamptz NOT NULL DEFAULT now(),
    undone_at      timestamptz,
    undone_by      text
);
CREATE INDEX snapshot_operations_created_idx ON statescope.snapshot_operations (created_at DESC);

-- One row per deleted snapshot: the whole row as JSONB (to_jsonb), restored with
-- jsonb_populate_record. snapshot_id and tick_number are copied out for the checks.
CREATE TABLE statescope.snapshot_archive (
    operation_id bigint NOT NULL REFERENCES statescope.snapshot_operations (id) ON DELETE CASCADE,
    snapshot_id  bigint NOT NULL,
    tick_number  bigint NOT NULL,
    row_data     jsonb  NOT NULL,
    PRIMARY KEY (operation_id, snapshot_id)
);

-- Cloud saves per player in the Marketland shape. No foreign key: the canonical schema has
-- no players table.
CREATE TABLE core.save_snapshots (
    snapshot_id   bigserial   PRIMARY KEY,
    player_id     uuid        NOT NULL,
    version       varchar(16) NOT NULL,  -- client version, e.g. '3.0.1'
    snapshot_data jsonb       NOT NULL,  -- the full save document
    checksum      varchar(64) NOT NULL,  -- SHA-256 of snapshot_data, as the client computed it
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_save_snapshots_player ON core.save_snapshots (player_id, created_at DESC);

-- The game's retention trigger, reproduced as it is, quirk included: it keeps the 5 rows
-- with the latest created_at. Saves inserted in one transaction share created_at (now()),
-- so the tie is broken by scan order and the newest rows can be the ones deleted. Readers
-- must order by what is stored and never take the highest snapshot_id as the latest.
CREATE FUNCTION core.prune_old_snapshots()
RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM core.save_snapshots
    WHERE player_id = NEW.player_id
      AND snapshot_id NOT IN (
          SELECT snapshot_id
          FROM core.save_snapshots
          WHERE player_id = NEW.player_id
          ORDER BY created_at DESC
          LIMIT 5
      );
    RETURN NEW;
END;
$$;
CREATE TRIGGER trg_prune_snapshots
AFTER INSERT ON core.save_snapshots
FOR EACH ROW EXECUTE FUNCTION core.prune_old_snapshots();
