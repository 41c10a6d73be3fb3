-- Councils' own ORUK feeds mirrored into the directory (ORUK_SOURCES).
-- A mirrored service keeps where it came from: `source` is the feed's base
-- URL (as for an import) and `origin_id` the id the feed gives it; its own
-- id is namespaced by the feed, so two councils' "1" never meet.
ALTER TABLE services ADD COLUMN origin_id text;
CREATE INDEX services_source_idx ON services (source);

-- One row per feed: what its last sync read, wrote and refused, and when
-- it last worked, for GET /api/v1/directory/status.
CREATE TABLE directory_sources (
  url text PRIMARY KEY,
  version text,
  -- 'ok': every page and record read; 'incomplete': some read, the rest kept from before; 'failed': nothing read.
  state text NOT NULL CHECK (state IN ('ok', 'incomplete', 'failed')),
  last_attempt_at timestamptz NOT NULL,
  last_success_at timestamptz,
  read integer NOT NULL DEFAULT 0,
  inserted integer NOT NULL DEFAULT 0,
  updated integer NOT NULL DEFAULT 0,
  unchanged integer NOT NULL DEFAULT 0,
  removed integer NOT NULL DEFAULT 0,
  kept integer NOT NULL DEFAULT 0,
  rejected integer NOT NULL DEFAULT 0,
  reasons jsonb NOT NULL DEFAULT '[]'::jsonb,
  errors jsonb NOT NULL DEFAULT '[]'::jsonb
);
