-- a set-returning function gains a result column (RETURNS TABLE (id, v) -> (id, v, w)) while a view and a materialized view read it and change with it
-- from
CREATE SCHEMA metrics;
CREATE TABLE metrics.fleet_samples (
    ship_id integer NOT NULL,
    fuel integer NOT NULL,
    cargo integer NOT NULL
);
INSERT INTO metrics.fleet_samples VALUES (1, 100, 5), (1, 80, 9), (2, 300, 0);
CREATE FUNCTION metrics.fleet_totals() RETURNS TABLE (ship_id integer, fuel bigint)
    LANGUAGE sql STABLE
    AS $$ SELECT ship_id, sum(fuel) FROM metrics.fleet_samples GROUP BY ship_id $$;
CREATE VIEW metrics.v_fleet_totals AS
    SELECT ship_id, fuel FROM metrics.fleet_totals();
CREATE MATERIALIZED VIEW metrics.fleet_totals_daily AS
    SELECT ship_id, fuel FROM metrics.fleet_totals();
-- to
CREATE SCHEMA metrics;
CREATE TABLE metrics.fleet_samples (
    ship_id integer NOT NULL,
    fuel integer NOT NULL,
    cargo integer NOT NULL
);
INSERT INTO metrics.fleet_samples VALUES (3, 50, 1);
CREATE FUNCTION metrics.fleet_totals() RETURNS TABLE (ship_id integer, fuel bigint, cargo bigint)
    LANGUAGE sql STABLE
    AS $$ SELECT ship_id, sum(fuel), sum(cargo) FROM metrics.fleet_samples GROUP BY ship_id $$;
CREATE VIEW metrics.v_fleet_totals AS
    SELECT ship_id, fuel, cargo FROM metrics.fleet_totals();
CREATE MATERIALIZED VIEW metrics.fleet_totals_daily AS
    SELECT ship_id, fuel, cargo FROM metrics.fleet_totals();
