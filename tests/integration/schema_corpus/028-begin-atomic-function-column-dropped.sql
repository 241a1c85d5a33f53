-- a BEGIN ATOMIC function stops reading a column that is dropped on the same side (the column cannot go while the old body uses it)
-- from
CREATE TABLE ships (
    id integer PRIMARY KEY,
    fuel integer NOT NULL DEFAULT 0,
    fuel_capacity integer NOT NULL DEFAULT 100,
    legacy_fuel_pct numeric
);
CREATE FUNCTION ship_fuel_pct(p_id integer) RETURNS numeric
    LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT coalesce(legacy_fuel_pct, 100.0 * fuel / nullif(fuel_capacity, 0)) FROM ships WHERE id = p_id;
END;
-- to
CREATE TABLE ships (
    id integer PRIMARY KEY,
    fuel integer NOT NULL DEFAULT 0,
    fuel_capacity integer NOT NULL DEFAULT 100
);
CREATE FUNCTION ship_fuel_pct(p_id integer) RETURNS numeric
    LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT 100.0 * fuel / nullif(fuel_capacity, 0) FROM ships WHERE id = p_id;
END;
