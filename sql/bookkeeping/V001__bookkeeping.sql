-- Statescope's bookkeeping in a database it did not create (adoption): the audit log and the
-- archives that make its writes undoable. Everything lives in the statescope schema; nothing
-- outside it is created, altered or dropped. The tables are those the weekly schema creates
-- (V001, V005, V006, V007), so the code that writes them is the same for both.
CREATE SCHEMA statescope;

CREATE TABLE statescope.audit_log (
    id          bigserial PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    os_user     text        NOT NULL,
    db_user     text        NOT NULL DEFAULT current_user,
    action      text        NOT NULL,
    target      text        NOT NULL,
    reason      text,
    details     jsonb       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_at_idx ON statescope.audit_log (at DESC);

-- Rollbacks of a game and every row they deleted or changed. table_name is the kind of row
-- (the labels are those of the weekly schema, whatever the game's tables are called).
CREATE TABLE statescope.rollbacks (
    id             bigserial   PRIMARY KEY,
    game_id        uuid        NOT NULL,
    to_play        integer     NOT NULL CHECK (to_play >= 0),
    from_play      integer     NOT NULL,
    reason         text        NOT NULL,
    delete_rolls   boolean     NOT NULL DEFAULT false,
    os_user        text        NOT NULL,
    db_user        text        NOT NULL DEFAULT current_user,
    created_at     timestamptz NOT NULL DEFAULT now(),
    deleted_plays  integer     NOT NULL DEFAULT 0,
    deleted_lineups integer    NOT NULL DEFAULT 0,
    deleted_rolls  integer     NOT NULL DEFAULT 0,
    game_before    jsonb       NOT NULL,
    undone_at      timestamptz,
    undone_by      text
);
CREATE INDEX rollbacks_game_idx ON statescope.rollbacks (game_id, created_at DESC);

CREATE TABLE statescope.rollback_rows (
    rollback_id bigint NOT NULL REFERENCES statescope.rollbacks (id) ON DELETE CASCADE,
    table_name  text   NOT NULL CHECK (table_name IN ('core.plays', 'core.lineups', 'core.rolls')),
    kind        text   NOT NULL CHECK (kind IN ('deleted', 'updated')),
    row_data    jsonb  NOT NULL
);
CREATE INDEX rollback_rows_idx ON statescope.rollback_rows (rollback_id, table_name);

CREATE TABLE statescope.matview_refreshes (
    id           bigserial   PRIMARY KEY,
    view         text        NOT NULL,
    refreshed_at timestamptz NOT NULL DEFAULT now(),
    duration_ms  integer     NOT NULL CHECK (duration_ms >= 0),
    "concurrently" boolean   NOT NULL,
    os_user      text        NOT NULL
);
CREATE INDEX matview_refreshes_view_idx ON statescope.matview_refreshes (view, refreshed_at DESC);

CREATE TABLE statescope.snapshot_operations (
    id             bigserial   PRIMARY KEY,
    kind           text        NOT NULL CHECK (kind IN ('prune', 'rollback')),
    parameters     jsonb       NOT NULL DEFAULT '{}'::jsonb,
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

CREATE TABLE statescope.snapshot_archive (
    operation_id bigint NOT NULL REFERENCES statescope.snapshot_operations (id) ON DELETE CASCADE,
    snapshot_id  bigint NOT NULL,
    tick_number  bigint NOT NULL,
    row_data     jsonb  NOT NULL,
    PRIMARY KEY (operation_id, snapshot_id)
);
