-- a view is made again (a column's type changes under it) and its comment and its column's comment come back with it; a table's column comment stays through its type change
-- from
CREATE SCHEMA core;
CREATE TABLE core.markets (
    id integer PRIMARY KEY,
    price integer NOT NULL
);
COMMENT ON COLUMN core.markets.price IS 'credits';
CREATE VIEW core.v_prices AS SELECT id, price FROM core.markets;
COMMENT ON VIEW core.v_prices IS 'prices now';
COMMENT ON COLUMN core.v_prices.price IS 'as sold';
INSERT INTO core.markets VALUES (1, 100), (2, 250);
-- to
CREATE SCHEMA core;
CREATE TABLE core.markets (
    id integer PRIMARY KEY,
    price bigint NOT NULL
);
COMMENT ON COLUMN core.markets.price IS 'credits';
CREATE VIEW core.v_prices AS SELECT id, price FROM core.markets;
COMMENT ON VIEW core.v_prices IS 'prices now';
COMMENT ON COLUMN core.v_prices.price IS 'as sold';
