-- Raw API responses, append-only (ELT: load first, transform later).
-- payload_hash is the SHA-256 of the canonical JSON text computed by the client
-- before insert; jsonb re-orders keys, so the stored jsonb text does not hash to it.
CREATE TABLE raw.api_events (
    id           bigserial PRIMARY KEY,
    fetched_at   timestamptz,
    endpoint     text,
    request_key  text,
    status_code  integer,
    payload      jsonb,
    payload_hash text
);

-- Browsing is keyset-paged newest first: (fetched_at, id) makes the order total.
CREATE INDEX api_events_fetched_idx  ON raw.api_events (fetched_at DESC, id DESC);
CREATE INDEX api_events_endpoint_idx ON raw.api_events (endpoint, fetched_at DESC, id DESC);
CREATE INDEX api_events_hash_idx     ON raw.api_events (payload_hash);
CREATE INDEX api_events_request_idx  ON raw.api_events (request_key, fetched_at DESC, id DESC);
