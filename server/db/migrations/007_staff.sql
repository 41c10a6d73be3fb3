-- The staff side: tokens, conversations ("visits") at hubs with their audit
-- trail, attendance at sessions, contact on follow-ups, and what the impact
-- report needs from self-assessments.

-- Staff bearer tokens. Only a SHA-256 of each token is kept; `id` is public
-- (shown by `npm run staff -- list`, used to revoke, and written to the audit).
CREATE TABLE staff_tokens (
  id text PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('worker', 'admin')),
  label text NOT NULL CHECK (char_length(label) <= 100),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

-- One conversation at a hub. Nothing here names the person: an outcode,
-- never a postcode; a reference (card, booking, self-assessment), never a name.
-- `resolution`, `invited_back`, `wellbeing_mean` and `first_after_days` are
-- worked out when a visit is written, so the report can aggregate in SQL.
CREATE TABLE visits (
  id uuid PRIMARY KEY,
  seq bigserial NOT NULL,
  hub_id text NOT NULL,
  occurred_at timestamptz NOT NULL,
  worker text NOT NULL CHECK (worker ~ '^[A-Z]{1,4}$'),
  heard_about text,
  age_band text,
  outcode text CHECK (char_length(outcode) <= 4),
  what_matters text CHECK (char_length(what_matters) <= 280),
  outcomes text[] NOT NULL,
  resolution text NOT NULL CHECK (resolution IN ('community', 'formal', 'other')),
  invited_back boolean NOT NULL,
  follow_up date,
  wellbeing jsonb,
  wellbeing_mean double precision,
  person_ref text,
  -- Days from the self-assessment or booking with this person_ref to this
  -- visit, set on the first visit after it only (see refreshFirstConversation).
  first_after_days double precision,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz
);

CREATE INDEX visits_occurred_at_idx ON visits (occurred_at);
CREATE INDEX visits_hub_occurred_at_idx ON visits (hub_id, occurred_at);
CREATE INDEX visits_person_ref_idx ON visits (person_ref, occurred_at) WHERE person_ref IS NOT NULL;
CREATE INDEX visits_first_idx ON visits (occurred_at) INCLUDE (hub_id, first_after_days) WHERE first_after_days IS NOT NULL;
CREATE INDEX visits_scored_idx ON visits (occurred_at, person_ref) INCLUDE (wellbeing_mean, seq) WHERE person_ref IS NOT NULL AND wellbeing_mean IS NOT NULL;

-- Conversations per London day, hub and key, kept up to date in the same
-- transaction as every visit written, changed or deleted, so that the report
-- adds up a few thousand rows rather than scanning every visit. A key is an
-- outcome id (a visit with several counts once under each), or '#total',
-- '#community', '#formal', '#other' (the side of the CLS shift) or
-- '#connected' (a community activity or peer support).
CREATE TABLE visit_days (
  day date NOT NULL,
  hub_id text NOT NULL,
  key text NOT NULL,
  n integer NOT NULL CHECK (n >= 0),
  PRIMARY KEY (day, hub_id, key)
);

-- Who changed which visit, how and when: the token's id and role and the
-- names of the fields changed, never their values (so no personal data).
CREATE TABLE visit_audit (
  id bigserial PRIMARY KEY,
  visit_id uuid NOT NULL,
  action text NOT NULL CHECK (action IN ('create', 'update', 'delete')),
  token_id text NOT NULL,
  role text NOT NULL CHECK (role IN ('worker', 'admin')),
  fields text[] NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX visit_audit_visit_idx ON visit_audit (visit_id);

-- Attendance at a booked session, marked by a hub worker.
ALTER TABLE bookings ADD COLUMN attendance text CHECK (attendance IN ('attended', 'missed'));
ALTER TABLE bookings ADD COLUMN attendance_marked_at timestamptz;
CREATE INDEX session_slots_hub_starts_at_idx ON session_slots (hub_id, starts_at);

-- Someone who came to a session without booking: a count, nothing about them.
CREATE TABLE walk_ins (
  id uuid PRIMARY KEY,
  session_id text NOT NULL,
  hub_id text NOT NULL,
  starts_at timestamptz NOT NULL,
  marked_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX walk_ins_hub_starts_at_idx ON walk_ins (hub_id, starts_at);

-- The impact report counts sent self-assessments by when they arrived (their
-- next step and urgency are kept by 008_submission_triage).
CREATE INDEX submissions_created_at_idx ON submissions (created_at);

-- A follow-up (a self-assessment or a missed booking) marked contacted.
CREATE TABLE follow_up_contacts (
  kind text NOT NULL CHECK (kind IN ('self-assessment', 'missed-booking')),
  reference text NOT NULL,
  contacted_by text NOT NULL,
  contacted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, reference)
);

CREATE INDEX feedback_created_at_idx ON feedback (created_at);
CREATE INDEX bookings_created_at_idx ON bookings (created_at);
