-- Waiting lists for full sessions.
--
-- A place freed at a full session (a cancellation, a move away, an offer
-- not taken) is offered to the first person waiting and held for them
-- (`held`) until they take it or the offer ends: a held place is not free
-- to anyone else, so `booked + held` can never pass `capacity`.
ALTER TABLE session_slots ADD COLUMN held integer NOT NULL DEFAULT 0 CHECK (held >= 0);
ALTER TABLE session_slots ADD CONSTRAINT session_slots_places_check CHECK (booked + held <= capacity);

-- One row per person waiting. The reference and manage key are made as a
-- booking's are, and never clash with one: an offer taken becomes the
-- booking of the same reference and key. Like bookings, rows are kept
-- (with their status) and their personal details removed by retention.
CREATE TABLE waiting_list (
  reference text PRIMARY KEY,
  -- Order of joining: the first waiting is offered the first place.
  seq bigserial NOT NULL,
  session_id text NOT NULL REFERENCES session_slots (session_id),
  hub_id text NOT NULL,
  name text NOT NULL,
  contact_method text NOT NULL CHECK (contact_method IN ('phone', 'email')),
  contact_value text NOT NULL,
  notes text CHECK (char_length(notes) <= 500),
  lang text,
  key_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- waiting → offered → booked | expired (offer not taken in time); waiting | offered → left; waiting → closed (the session started).
  status text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'offered', 'booked', 'expired', 'left', 'closed')),
  offered_at timestamptz,
  offer_expires_at timestamptz,
  ended_at timestamptz,
  CHECK (status <> 'offered' OR offer_expires_at IS NOT NULL)
);

CREATE INDEX waiting_list_session_idx ON waiting_list (session_id, seq);
CREATE INDEX waiting_list_offers_idx ON waiting_list (offer_expires_at) WHERE status = 'offered';

-- The offer of a freed place is a message of its own.
ALTER TABLE notify_outbox DROP CONSTRAINT notify_outbox_kind_check;
ALTER TABLE notify_outbox ADD CONSTRAINT notify_outbox_kind_check CHECK (kind IN ('confirmation', 'reminder', 'cancellation', 'waiting-offer'));
