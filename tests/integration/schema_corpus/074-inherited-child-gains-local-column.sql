-- an inheritance child gains a local column (and a check constraint of its own) while the parent stays
-- from
CREATE SCHEMA core;
CREATE TABLE core.bodies (
    name text NOT NULL,
    mass_kg double precision NOT NULL,
    CONSTRAINT bodies_mass_positive CHECK (mass_kg > 0)
);
CREATE TABLE core.moons (
    parent_body text NOT NULL
) INHERITS (core.bodies);
-- to
CREATE SCHEMA core;
CREATE TABLE core.bodies (
    name text NOT NULL,
    mass_kg double precision NOT NULL,
    CONSTRAINT bodies_mass_positive CHECK (mass_kg > 0)
);
CREATE TABLE core.moons (
    parent_body text NOT NULL,
    orbit_days numeric,
    CONSTRAINT moons_orbit_positive CHECK (orbit_days > 0)
) INHERITS (core.bodies);
