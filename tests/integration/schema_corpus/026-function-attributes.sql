-- the same functions with different volatility, STRICT, SECURITY DEFINER, SET search_path, PARALLEL and COST
-- from
CREATE TABLE game_config (
    key varchar(50) PRIMARY KEY,
    value jsonb NOT NULL
);
CREATE FUNCTION config_value(p_key text) RETURNS jsonb
    LANGUAGE sql VOLATILE
    AS $$ SELECT value FROM game_config WHERE key = p_key $$;
CREATE FUNCTION tick_rate() RETURNS numeric
    LANGUAGE sql STABLE
    AS $$ SELECT (value #>> '{}')::numeric FROM game_config WHERE key = 'tick_rate' $$;
CREATE FUNCTION clamp_fuel(f numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT greatest(0, least(f, 25000)) $$;
-- to
CREATE TABLE game_config (
    key varchar(50) PRIMARY KEY,
    value jsonb NOT NULL
);
CREATE FUNCTION config_value(p_key text) RETURNS jsonb
    LANGUAGE sql STABLE STRICT
    AS $$ SELECT value FROM game_config WHERE key = p_key $$;
CREATE FUNCTION tick_rate() RETURNS numeric
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp
    AS $$ SELECT (value #>> '{}')::numeric FROM game_config WHERE key = 'tick_rate' $$;
CREATE FUNCTION clamp_fuel(f numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 5
    AS $$ SELECT greatest(0, least(f, 25000)) $$;
