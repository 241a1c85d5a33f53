-- numeric precision widened, timestamp -> timestamptz and smallint -> integer in one table
-- from
CREATE TABLE farm_market_listings (
    listing_id bigint PRIMARY KEY,
    item_type varchar(64) NOT NULL,
    quantity smallint NOT NULL CHECK (quantity > 0),
    price numeric(8,2) NOT NULL,
    listed_at timestamp NOT NULL DEFAULT now()
);
INSERT INTO farm_market_listings VALUES (1, 'wheat', 10, 12.50, '2026-03-01 12:00');
-- to
CREATE TABLE farm_market_listings (
    listing_id bigint PRIMARY KEY,
    item_type varchar(64) NOT NULL,
    quantity integer NOT NULL CHECK (quantity > 0),
    price numeric(12,4) NOT NULL,
    listed_at timestamptz NOT NULL DEFAULT now()
);
