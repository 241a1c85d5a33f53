-- grants WITH GRANT OPTION versus plain grants, on a table, a schema and a function
-- from
CREATE SCHEMA metrics;
CREATE TABLE metrics.credits_per_hour (
    hour timestamptz PRIMARY KEY,
    credits bigint NOT NULL
);
CREATE FUNCTION metrics.total_credits() RETURNS bigint
    LANGUAGE sql STABLE
    AS $$ SELECT sum(credits) FROM metrics.credits_per_hour $$;
GRANT USAGE ON SCHEMA metrics TO corpus_reader;
GRANT SELECT ON metrics.credits_per_hour TO corpus_reader;
GRANT EXECUTE ON FUNCTION metrics.total_credits() TO corpus_reader;
-- to
CREATE SCHEMA metrics;
CREATE TABLE metrics.credits_per_hour (
    hour timestamptz PRIMARY KEY,
    credits bigint NOT NULL
);
CREATE FUNCTION metrics.total_credits() RETURNS bigint
    LANGUAGE sql STABLE
    AS $$ SELECT sum(credits) FROM metrics.credits_per_hour $$;
GRANT USAGE ON SCHEMA metrics TO corpus_reader WITH GRANT OPTION;
GRANT SELECT ON metrics.credits_per_hour TO corpus_reader WITH GRANT OPTION;
GRANT INSERT ON metrics.credits_per_hour TO corpus_reader;
GRANT EXECUTE ON FUNCTION metrics.total_credits() TO corpus_reader WITH GRANT OPTION;
