-- a comment on the index a primary key and a unique constraint make (COMMENT ON INDEX, apart from the constraint's own)
-- from
CREATE SCHEMA market;
CREATE TABLE market.goods (
    symbol text NOT NULL,
    name text NOT NULL,
    CONSTRAINT goods_pkey PRIMARY KEY (symbol),
    CONSTRAINT goods_name_key UNIQUE (name)
);
COMMENT ON CONSTRAINT goods_pkey ON market.goods IS 'one row a good';
-- to
CREATE SCHEMA market;
CREATE TABLE market.goods (
    symbol text NOT NULL,
    name text NOT NULL,
    CONSTRAINT goods_pkey PRIMARY KEY (symbol),
    CONSTRAINT goods_name_key UNIQUE (name)
);
COMMENT ON CONSTRAINT goods_pkey ON market.goods IS 'one row a good';
COMMENT ON INDEX market.goods_pkey IS 'read by every market page';
COMMENT ON INDEX market.goods_name_key IS 'names are shown, so they are unique';
