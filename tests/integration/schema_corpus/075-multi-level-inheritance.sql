-- multi-level inheritance: a grandchild is added under a child, and a parent column is added that all levels inherit
-- from
CREATE TABLE bodies (
    name text NOT NULL
);
CREATE TABLE planets (
    radius_km numeric
) INHERITS (bodies);
-- to
CREATE TABLE bodies (
    name text NOT NULL,
    system_id varchar(32) NOT NULL DEFAULT 'sol'
);
CREATE TABLE planets (
    radius_km numeric
) INHERITS (bodies);
CREATE TABLE gas_giants (
    ring_count smallint NOT NULL DEFAULT 0
) INHERITS (planets);
