-- Bookings of bookable hub sessions through <cls-hub-finder>.
--
-- One row per session occurrence that has ever been booked. The occurrence
-- itself lives in the directory (a hub's session plan, expanded); this row
-- is created by the first booking and is what concurrent bookings lock
-- (SELECT … FOR UPDATE) so that `booked` can never pass `capacity`.
-- capacity is copied from the plan at each booking; NULL means no limit.
CREATE TABLE session_slots (
  session_id text PRIMARY KEY,
  hub_id text NOT NULL,
  plan_id text NOT NULL,
  starts_at timestamptz NOT NULL,
  capacity integer CHECK (capacity >= 1),
  booked integer NOT NULL DEFAULT 0 CHECK (booked >= 0 AND booked <= capacity)
);

CREATE INDEX session_slots_starts_at_idx ON session_slots (starts_at);

-- A cancelled booking is kept (cancelled_at set) for staff and reporting.
-- Only a SHA-256 of the cancel token is stored, never the token.
CREATE TABLE bookings (
  reference text PRIMARY KEY,
  -- Insertion order, for "newest first" (see feedback.seq).
  seq bigserial NOT NULL,
  session_id text NOT NULL REFERENCES session_slots (session_id),
  hub_id text NOT NULL,
  name text NOT NULL,
  contact_method text NOT NULL CHECK (contact_method IN ('phone', 'email')),
  contact_value text NOT NULL,
  notes text CHECK (char_length(notes) <= 500),
  lang text,
  cancel_token_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  cancelled_at timestamptz
);

CREATE INDEX bookings_session_idx ON bookings (session_id);
CREATE INDEX bookings_hub_idx ON bookings (hub_id);
CREATE INDEX bookings_seq_idx ON bookings (seq DESC);
