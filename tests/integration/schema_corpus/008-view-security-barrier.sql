-- the same view with and without WITH (security_barrier), and one gaining security_invoker
-- from
CREATE TABLE players (
    id integer PRIMARY KEY,
    name text NOT NULL,
    is_banned boolean NOT NULL DEFAULT false
);
CREATE VIEW v_visible_players AS
    SELECT id, name FROM players WHERE NOT is_banned;
CREATE VIEW v_banned_players AS
    SELECT id, name FROM players WHERE is_banned;
-- to
CREATE TABLE players (
    id integer PRIMARY KEY,
    name text NOT NULL,
    is_banned boolean NOT NULL DEFAULT false
);
CREATE VIEW v_visible_players WITH (security_barrier) AS
    SELECT id, name FROM players WHERE NOT is_banned;
CREATE VIEW v_banned_players WITH (security_invoker = true) AS
    SELECT id, name FROM players WHERE is_banned;
