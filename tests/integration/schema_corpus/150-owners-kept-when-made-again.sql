-- Owners kept by what the script drops and makes again: a view losing a column, a function whose argument is renamed, an enum losing a value, a materialized view whose query changes, all owned by another role on both sides
-- from
CREATE SCHEMA core;
CREATE TYPE core.contract_state AS ENUM ('offered', 'accepted', 'fulfilled', 'expired');
CREATE TABLE core.contracts (
    id bigint PRIMARY KEY,
    faction text NOT NULL,
    state core.contract_state NOT NULL DEFAULT 'offered',
    reward bigint NOT NULL
);
CREATE VIEW core.open_contracts AS SELECT id, faction, reward FROM core.contracts WHERE state = 'offered';
CREATE MATERIALIZED VIEW core.rewards AS SELECT faction, sum(reward) AS total FROM core.contracts GROUP BY faction;
CREATE FUNCTION core.reward_of(contract bigint) RETURNS bigint LANGUAGE sql STABLE
    AS $$ SELECT reward FROM core.contracts WHERE id = contract $$;
INSERT INTO core.contracts VALUES (1, 'COSMIC', 'accepted', 5000), (2, 'VOID', 'offered', 1200);
ALTER TYPE core.contract_state OWNER TO corpus_other;
ALTER VIEW core.open_contracts OWNER TO corpus_other;
ALTER MATERIALIZED VIEW core.rewards OWNER TO corpus_other;
ALTER FUNCTION core.reward_of(bigint) OWNER TO corpus_other;
-- to
CREATE SCHEMA core;
CREATE TYPE core.contract_state AS ENUM ('offered', 'accepted', 'fulfilled');
CREATE TABLE core.contracts (
    id bigint PRIMARY KEY,
    faction text NOT NULL,
    state core.contract_state NOT NULL DEFAULT 'offered',
    reward bigint NOT NULL
);
CREATE VIEW core.open_contracts AS SELECT id, reward FROM core.contracts WHERE state = 'offered';
CREATE MATERIALIZED VIEW core.rewards AS SELECT faction, sum(reward) AS total, count(*) AS contracts FROM core.contracts GROUP BY faction;
CREATE FUNCTION core.reward_of(contract_id bigint) RETURNS bigint LANGUAGE sql STABLE
    AS $$ SELECT reward FROM core.contracts WHERE id = contract_id $$;
INSERT INTO core.contracts VALUES (1, 'COSMIC', 'accepted', 5000), (2, 'VOID', 'offered', 1200);
ALTER TYPE core.contract_state OWNER TO corpus_other;
ALTER VIEW core.open_contracts OWNER TO corpus_other;
ALTER MATERIALIZED VIEW core.rewards OWNER TO corpus_other;
ALTER FUNCTION core.reward_of(bigint) OWNER TO corpus_other;
