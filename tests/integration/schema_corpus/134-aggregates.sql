-- user-defined aggregates (a median-like collector with a final function and an initial state, a parallel-safe sum with a combine function, a moving aggregate) added, changed and dropped; a view reads one
-- from
CREATE SCHEMA stats;
CREATE FUNCTION stats.push(state numeric[], v numeric) RETURNS numeric[] LANGUAGE sql IMMUTABLE AS $$ SELECT state || v $$;
CREATE FUNCTION stats.middle(state numeric[]) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT state[(array_length(state, 1) + 1) / 2] $$;
CREATE AGGREGATE stats.middle_of(numeric) (SFUNC = stats.push, STYPE = numeric[], FINALFUNC = stats.middle, INITCOND = '{}');
CREATE FUNCTION stats.add(a bigint, b bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT a + b $$;
CREATE AGGREGATE stats.total(bigint) (SFUNC = stats.add, STYPE = bigint, INITCOND = '0');
CREATE TABLE stats.scores (player integer, points numeric);
CREATE VIEW stats.v_middle AS SELECT stats.middle_of(points) AS middle FROM stats.scores;
INSERT INTO stats.scores VALUES (1, 10), (2, 20.5);
-- to
CREATE SCHEMA stats;
CREATE FUNCTION stats.push(state numeric[], v numeric) RETURNS numeric[] LANGUAGE sql IMMUTABLE AS $$ SELECT state || v $$;
CREATE FUNCTION stats.middle(state numeric[]) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT state[(array_length(state, 1) + 1) / 2] $$;
CREATE AGGREGATE stats.middle_of(numeric) (SFUNC = stats.push, STYPE = numeric[], FINALFUNC = stats.middle, INITCOND = '{0}');
CREATE FUNCTION stats.add(a bigint, b bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT a + b $$;
CREATE FUNCTION stats.sub(a bigint, b bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT a - b $$;
CREATE AGGREGATE stats.total(bigint) (SFUNC = stats.add, STYPE = bigint, INITCOND = '0', COMBINEFUNC = stats.add, PARALLEL = SAFE);
CREATE AGGREGATE stats.running(bigint) (SFUNC = stats.add, STYPE = bigint, INITCOND = '0', MSFUNC = stats.add, MINVFUNC = stats.sub, MSTYPE = bigint, MINITCOND = '0');
CREATE TABLE stats.scores (player integer, points numeric);
CREATE VIEW stats.v_middle AS SELECT stats.middle_of(points) AS middle FROM stats.scores;
INSERT INTO stats.scores VALUES (3, 7);
