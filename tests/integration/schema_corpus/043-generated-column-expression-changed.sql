-- a stored generated column's expression changes; an index is on the generated column
-- from
CREATE TABLE plays (
    id integer PRIMARY KEY,
    on_base_code smallint NOT NULL DEFAULT 0,
    runners_on smallint GENERATED ALWAYS AS ((on_base_code & 1) + ((on_base_code >> 1) & 1)) STORED
);
CREATE INDEX plays_runners_on ON plays (runners_on);
-- to
CREATE TABLE plays (
    id integer PRIMARY KEY,
    on_base_code smallint NOT NULL DEFAULT 0,
    runners_on smallint GENERATED ALWAYS AS ((on_base_code & 1) + ((on_base_code >> 1) & 1) + ((on_base_code >> 2) & 1)) STORED
);
CREATE INDEX plays_runners_on ON plays (runners_on);
