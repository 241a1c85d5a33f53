-- a trigger function and a BEFORE UPDATE row trigger that uses it are added
-- from
CREATE TABLE game_config (
    key varchar(50) PRIMARY KEY,
    value jsonb NOT NULL,
    updated_at timestamptz DEFAULT now()
);
-- to
CREATE TABLE game_config (
    key varchar(50) PRIMARY KEY,
    value jsonb NOT NULL,
    updated_at timestamptz DEFAULT now()
);
CREATE FUNCTION touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER game_config_touch
    BEFORE UPDATE ON game_config
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
