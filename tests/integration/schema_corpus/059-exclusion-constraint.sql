-- an exclusion constraint (EXCLUDE USING gist on a range column, no extension needed) is added and another one changes
-- from
CREATE TABLE dock_bookings (
    id integer PRIMARY KEY,
    dock_no integer NOT NULL,
    booked tstzrange NOT NULL
);
CREATE TABLE lane_slots (
    id integer PRIMARY KEY,
    lane int4range NOT NULL,
    CONSTRAINT lane_slots_no_overlap EXCLUDE USING gist (lane WITH &&)
);
-- to
CREATE TABLE dock_bookings (
    id integer PRIMARY KEY,
    dock_no integer NOT NULL,
    booked tstzrange NOT NULL,
    CONSTRAINT dock_bookings_no_overlap EXCLUDE USING gist (booked WITH &&) WHERE (dock_no > 0)
);
CREATE TABLE lane_slots (
    id integer PRIMARY KEY,
    lane int4range NOT NULL,
    CONSTRAINT lane_slots_no_overlap EXCLUDE USING gist (lane WITH &&) DEFERRABLE
);
