-- a user-defined ICU collation (case-insensitive, nondeterministic) is added and used by a column with a unique constraint
-- from
CREATE SCHEMA core;
CREATE TABLE core.players (
    id integer PRIMARY KEY,
    username varchar(32) NOT NULL
);
-- to
CREATE SCHEMA core;
CREATE COLLATION core.name_ci (provider = icu, locale = 'de-u-ks-level2', deterministic = false);
CREATE TABLE core.players (
    id integer PRIMARY KEY,
    username varchar(32) COLLATE core.name_ci NOT NULL,
    CONSTRAINT players_username_key UNIQUE (username)
);
