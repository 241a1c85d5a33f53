-- The same table as the weekly schema's V008, for adopted databases.
-- The collector's batches: one row per batch of API responses stored in one transaction,
-- written in that transaction, so a batch retried after the answer to its end of transaction was lost is recognised by its
-- id and never stored twice. event_ids are the raw.api_events rows it added.
-- token_ref is the first 16 hex digits of the SHA-256 of the API token, never the token.
CREATE TABLE statescope.collector_batches (
    batch_id    uuid        PRIMARY KEY,
    stored_at   timestamptz NOT NULL DEFAULT now(),
    family      text        NOT NULL,
    token_ref   text        NOT NULL,
    rows        integer     NOT NULL CHECK (rows >= 0),
    event_ids   bigint[]    NOT NULL DEFAULT '{}'
);
CREATE INDEX collector_batches_stored_idx ON statescope.collector_batches (stored_at DESC);
