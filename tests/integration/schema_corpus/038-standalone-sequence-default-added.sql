-- a standalone sequence (own options, other schema) is added and used by a column default
-- from
CREATE SCHEMA core;
CREATE TABLE core.contracts (
    contract_no bigint NOT NULL PRIMARY KEY,
    faction text NOT NULL
);
-- to
CREATE SCHEMA core;
CREATE SCHEMA ids;
CREATE SEQUENCE ids.contract_numbers AS bigint START WITH 5000 INCREMENT BY 10 MINVALUE 5000 CACHE 5;
CREATE TABLE core.contracts (
    contract_no bigint NOT NULL PRIMARY KEY DEFAULT nextval('ids.contract_numbers'),
    faction text NOT NULL
);
