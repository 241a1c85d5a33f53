-- a trigger's events change (INSERT -> INSERT OR UPDATE OF two columns) and it gains a WHEN condition
-- from
CREATE SCHEMA core;
CREATE TABLE core.ships (
    id integer PRIMARY KEY,
    fuel integer NOT NULL DEFAULT 0,
    fuel_capacity integer NOT NULL DEFAULT 100
);
CREATE FUNCTION core.clamp_fuel() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.fuel := least(NEW.fuel, NEW.fuel_capacity);
    RETURN NEW;
END
$$;
CREATE TRIGGER ships_clamp_fuel
    BEFORE INSERT ON core.ships
    FOR EACH ROW EXECUTE FUNCTION core.clamp_fuel();
-- to
CREATE SCHEMA core;
CREATE TABLE core.ships (
    id integer PRIMARY KEY,
    fuel integer NOT NULL DEFAULT 0,
    fuel_capacity integer NOT NULL DEFAULT 100
);
CREATE FUNCTION core.clamp_fuel() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.fuel := least(NEW.fuel, NEW.fuel_capacity);
    RETURN NEW;
END
$$;
CREATE TRIGGER ships_clamp_fuel
    BEFORE INSERT OR UPDATE OF fuel, fuel_capacity ON core.ships
    FOR EACH ROW
    WHEN (NEW.fuel > NEW.fuel_capacity)
    EXECUTE FUNCTION core.clamp_fuel();
