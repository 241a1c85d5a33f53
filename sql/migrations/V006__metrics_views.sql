-- Refreshes of materialized views made through Statescope, newest looked up per view.
CREATE TABLE statescope.matview_refreshes (
    id           bigserial   PRIMARY KEY,
    view         text        NOT NULL,            -- schema.name
    refreshed_at timestamptz NOT NULL DEFAULT now(),
    duration_ms  integer     NOT NULL CHECK (duration_ms >= 0),
    "concurrently" boolean   NOT NULL,            -- a keyword: always quoted
    os_user      text        NOT NULL
);
CREATE INDEX matview_refreshes_view_idx ON statescope.matview_refreshes (view, refreshed_at DESC);

-- An example aggregate: API events per UTC hour and endpoint. The hour is computed on the
-- UTC wall clock so that the view does not depend on the session's TimeZone.
CREATE MATERIALIZED VIEW metrics.events_per_hour AS
SELECT date_trunc('hour', fetched_at AT TIME ZONE 'UTC') AS hour,
       coalesce(endpoint, '(null)')                       AS endpoint,
       count(*)                                           AS events
FROM raw.api_events
WHERE fetched_at IS NOT NULL
GROUP BY 1, 2
WITH DATA;

-- A unique index on plain columns lets the view refresh CONCURRENTLY (readers unblocked).
CREATE UNIQUE INDEX events_per_hour_key ON metrics.events_per_hour (hour, endpoint);
