-- Rollbacks of a game to a play number, and every row they deleted or changed, so that
-- a rollback can be undone exactly (same ids, same values).
CREATE TABLE statescope.rollbacks (
    id             bigserial   PRIMARY KEY,
    game_id        uuid        NOT NULL,
    to_play        integer     NOT NULL CHECK (to_play >= 0),
    from_play      integer     NOT NULL,          -- the last play before the rollback
    reason         text        NOT NULL,
    delete_rolls   boolean     NOT NULL DEFAULT false,
    os_user        text        NOT NULL,
    db_user        text        NOT NULL DEFAULT current_user,
    created_at     timestamptz NOT NULL DEFAULT now(),
    deleted_plays  integer     NOT NULL DEFAULT 0,
    deleted_lineups integer    NOT NULL DEFAULT 0,
    deleted_rolls  integer     NOT NULL DEFAULT 0,
    game_before    jsonb       NOT NULL,          -- the games row as it was
    undone_at      timestamptz,
    undone_by      text
);
CREATE INDEX rollbacks_game_idx ON statescope.rollbacks (game_id, created_at DESC);

-- One row per archived row. kind: 'deleted' rows are re-inserted by an undo,
-- 'updated' rows (lineups re-activated by the rollback) are written back.
CREATE TABLE statescope.rollback_rows (
    rollback_id bigint NOT NULL REFERENCES statescope.rollbacks (id) ON DELETE CASCADE,
    table_name  text   NOT NULL CHECK (table_name IN ('core.plays', 'core.lineups', 'core.rolls')),
    kind        text   NOT NULL CHECK (kind IN ('deleted', 'updated')),
    row_data    jsonb  NOT NULL
);
CREATE INDEX rollback_rows_idx ON statescope.rollback_rows (rollback_id, table_name);
