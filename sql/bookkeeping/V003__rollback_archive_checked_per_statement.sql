-- The same change as the weekly schema's V010, for adopted databases.
-- An archived row still needs its rollback's record (undo reads the one to restore the
-- other), but the foreign key said so one row at a time: a rollback of 100,000 plays ran
-- 200,000 lookups of the same record, a quarter of the rollback's time. The same rule, checked
-- once per statement over the rows it wrote:
-- * rows written to rollback_rows lock their records as the key's check did (FOR KEY SHARE,
--   so a record cannot be deleted under them) and fail with foreign_key_violation (23503)
--   when a record is not there;
-- * deleting records deletes their rows (the key's ON DELETE CASCADE);
-- * a record's id cannot change, and rollbacks cannot be truncated while rows remain.
ALTER TABLE statescope.rollback_rows DROP CONSTRAINT IF EXISTS rollback_rows_rollback_id_fkey;

CREATE FUNCTION statescope.rollback_rows_need_record()
RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    missing bigint;
BEGIN
    PERFORM 1 FROM statescope.rollbacks r
     WHERE r.id IN (SELECT DISTINCT a.rollback_id FROM added a)
       FOR KEY SHARE OF r;
    SELECT a.rollback_id INTO missing FROM added a
     WHERE NOT EXISTS (SELECT 1 FROM statescope.rollbacks r WHERE r.id = a.rollback_id)
     LIMIT 1;
    IF FOUND THEN
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
RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    DELETE FROM statescope.rollback_rows WHERE rollback_id IN (SELECT g.id FROM gone g);
    RETURN NULL;
END;
$$;
CREATE TRIGGER rollbacks_take_rows
AFTER DELETE ON statescope.rollbacks REFERENCING OLD TABLE AS gone
FOR EACH STATEMENT EXECUTE FUNCTION statescope.rollbacks_take_rows();

CREATE FUNCTION statescope.rollbacks_keep_ids()
RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        IF EXISTS (SELECT 1 FROM statescope.rollback_rows) THEN
            RAISE EXCEPTION 'statescope.rollbacks: cannot truncate while statescope.rollback_rows has rows'
                USING ERRCODE = 'foreign_key_violation', SCHEMA = 'statescope', TABLE = 'rollbacks';
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
