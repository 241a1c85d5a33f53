-- overloads: one side has ship_label(integer) and ship_label(text); the other has ship_label(integer) and ship_label(integer, boolean)
-- from
CREATE SCHEMA core;
CREATE FUNCTION core.ship_label(p_id integer) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT 'SHIP-' || p_id $$;
CREATE FUNCTION core.ship_label(p_symbol text) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT upper(p_symbol) $$;
-- to
CREATE SCHEMA core;
CREATE FUNCTION core.ship_label(p_id integer) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT 'SHIP-' || p_id $$;
CREATE FUNCTION core.ship_label(p_id integer, p_short boolean) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT CASE WHEN p_short THEN p_id::text ELSE 'SHIP-' || p_id END $$;
