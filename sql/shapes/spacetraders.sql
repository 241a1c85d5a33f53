-- SpaceTraders as the seed's own ELT script makes it: schemas raw, core and metrics, and
-- raw.api_events with only its primary key (no time index), no statescope schema, no
-- migration history. The events are those the deterministic generator wrote into the
-- weekly schema, whose other objects and every trace of Statescope are then removed.
DROP MATERIALIZED VIEW metrics.events_per_hour;
DROP INDEX raw.api_events_fetched_idx, raw.api_events_endpoint_idx, raw.api_events_hash_idx,
           raw.api_events_request_idx;
DROP SCHEMA core, statescope CASCADE;
CREATE SCHEMA core;
