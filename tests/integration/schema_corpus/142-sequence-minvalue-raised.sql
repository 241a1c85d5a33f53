-- a sequence's MINVALUE and START raised above where it stands (moved up to the new minimum first), and lowered back
-- from
CREATE SCHEMA market;
CREATE SEQUENCE market.order_no AS bigint START WITH 1;
CREATE TABLE market.orders (
    order_no bigint PRIMARY KEY DEFAULT nextval('market.order_no'),
    good text NOT NULL
);
-- to
CREATE SCHEMA market;
CREATE SEQUENCE market.order_no AS bigint MINVALUE 1000 START WITH 1000;
CREATE TABLE market.orders (
    order_no bigint PRIMARY KEY DEFAULT nextval('market.order_no'),
    good text NOT NULL
);
