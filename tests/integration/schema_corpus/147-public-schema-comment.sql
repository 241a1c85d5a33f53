-- the public schema's comment changed from the one initdb gives it (and given back the other way)
-- from
CREATE TABLE public.agents (
    symbol text PRIMARY KEY
);
-- to
CREATE TABLE public.agents (
    symbol text PRIMARY KEY
);
COMMENT ON SCHEMA public IS 'SpaceTraders: the agents of this reset';
