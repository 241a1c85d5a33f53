-- a default partition is added to a list-partitioned table (with rows in the other partitions)
-- from
CREATE SCHEMA core;
CREATE TABLE core.inventory (
    inventory_id bigint NOT NULL,
    location varchar(16) NOT NULL,
    item_type varchar(64) NOT NULL,
    quantity integer NOT NULL DEFAULT 0 CHECK (quantity >= 0)
) PARTITION BY LIST (location);
CREATE TABLE core.inventory_barn PARTITION OF core.inventory FOR VALUES IN ('barn');
CREATE TABLE core.inventory_stockroom PARTITION OF core.inventory FOR VALUES IN ('stockroom');
INSERT INTO core.inventory VALUES (1, 'barn', 'wheat', 12), (2, 'stockroom', 'strawberry_jam', 3);
-- to
CREATE SCHEMA core;
CREATE TABLE core.inventory (
    inventory_id bigint NOT NULL,
    location varchar(16) NOT NULL,
    item_type varchar(64) NOT NULL,
    quantity integer NOT NULL DEFAULT 0 CHECK (quantity >= 0)
) PARTITION BY LIST (location);
CREATE TABLE core.inventory_barn PARTITION OF core.inventory FOR VALUES IN ('barn');
CREATE TABLE core.inventory_stockroom PARTITION OF core.inventory FOR VALUES IN ('stockroom');
CREATE TABLE core.inventory_other PARTITION OF core.inventory DEFAULT;
