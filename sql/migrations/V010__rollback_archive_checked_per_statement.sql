-- An archived row still needs its rollback's record (undo reads the one to restore the
-- other), but the foreign key said so one row at a time: a rollback of 100,000 plays ran
-- 200,000 lookups of the same record, a quarter of the rollback's time. The same rule, checked
-- once per statement over the rows it wrote, with the key's guarantees:
-- * a statement writing rows to rollback_rows touches their records (an update that changes
--   nothing), so a record cannot be deleted under them, and a transaction that deletes it
--   from an older snapshot fails to serialize (40001) rather than leave its rows behind;
--   a record that is not there fails the statement with foreign_key_violation (23503);
--   two transactions writing rows for one record take turns (Statescope writes a record's
--   rows in the transaction that makes it);
-- * deleting records deletes their rows (the key's ON DELETE CASCADE);
-- * a record's id cannot change, and rollbacks cannot be truncated unless rollback_rows is
--   truncated with it (0A000, as the key refused it);
-- * the checks run as the tables' owner, as a key's do (SECURITY DEFINER), so a writer needs
--   no more privileges than it did.
ALTER TABLE statescope.rollback_rows DROP CONSTRAINT rollback_rows_rollback_id_fkey;

CREATE FUNCTION statescope.rollback_rows_need_record()
RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    wanted bigint;
    touched bigint;
    missing bigint;
BEGIN
    SELECT count(DISTINCT a.rollback_id) INTO wanted FROM added a;
    UPDATE statescope.rollbacks r SET reason = r.reason
     WHERE r.id IN (SELECT a.rollback_id FROM added a);
    GET DIAGNOSTICS touched = ROW_COUNT;
    IF touched < wanted THEN
        SELECT a.rollback_id INTO missing FROM added a
         WHERE NOT EXISTS (SELECT 1 FROM statescope.rollbacks r WHERE r.id = a.rollback_id)
         LIMIT 1;
        RAISE EXCEPTION 'statescope.rollback_rows: rollback % has no record in statescope.rollbacks', missing
            USING ERRCODE = 'foreign_key_violation', SCHEMA = 'statescope', TABLE = 'rollback_rows';
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER rollback_rows_need_record_insert
AFTER INSERT ON statescope.rollback_rows REFERENCING NEW TABLE AS added
FOR EACH STATEMENT EXECUTE FUNCTION statescope.rollback_rows_need_record();
CREATE TRIGGER rollback_rows_need_record_update
AFTER UPDATE ON statescope.rollback_rows REFERENCING NEW TABLE AS added
FOR EACH STATEMENT EXECUTE FUNCTION statescope.rollback_rows_need_record();

CREATE FUNCTION statescope.rollbacks_take_rows()
RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    DELETE FROM statescope.rollback_rows WHERE rollback_id IN (SELECT g.id FROM gone g);
    RETURN NULL;
END;
$$;
CREATE TRIGGER rollbacks_take_rows
AFTER DELETE ON statescope.rollbacks REFERENCING OLD TABLE AS gone
FOR EACH STATEMENT EXECUTE FUNCTION statescope.rollbacks_take_rows();

CREATE FUNCTION statescope.rollbacks_keep_ids()
RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        -- Truncated with it in this statement (or before it in this transaction): rollback_rows
        -- is locked by us alone and empty.
        IF NOT EXISTS (SELECT 1 FROM pg_locks l
                        WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.granted
                          AND l.relation = 'statescope.rollback_rows'::regclass
                          AND l.mode = 'AccessExclusiveLock')
           OR EXISTS (SELECT 1 FROM statescope.rollback_rows) THEN
            RAISE EXCEPTION 'cannot truncate statescope.rollbacks: statescope.rollback_rows needs its records'
                USING ERRCODE = 'feature_not_supported', SCHEMA = 'statescope', TABLE = 'rollbacks',
                      HINT = 'Truncate statescope.rollback_rows at the same time.';
        END IF;
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'statescope.rollbacks: a record''s id (%) cannot change', OLD.id
        USING ERRCODE = 'foreign_key_violation', SCHEMA = 'statescope', TABLE = 'rollbacks';
END;
$$;
CREATE TRIGGER rollbacks_keep_ids
BEFORE UPDATE OF id ON statescope.rollbacks
FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION statescope.rollbacks_keep_ids();
CREATE TRIGGER rollbacks_keep_rows
AFTER TRUNCATE ON statescope.rollbacks
FOR EACH STATEMENT EXECUTE FUNCTION statescope.rollbacks_keep_ids();
