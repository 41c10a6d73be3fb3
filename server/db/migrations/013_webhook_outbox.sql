-- Events for staff systems (the council's webhook), sent from a durable outbox.
--
-- A row is written in the same transaction as the record it tells of, so no
-- event is lost on a restart and none is sent for something rolled back.
-- Any instance may deliver it: due rows are claimed (`claimed_until`, FOR
-- UPDATE SKIP LOCKED), posted outside any transaction and marked delivered;
-- a failure is retried with backoff. The payload (it holds personal data)
-- is cleared once delivered or given up on; the event id stays, and is in
-- the signed body so the council can ignore an event it has had before.
CREATE TABLE webhook_outbox (
  id bigserial PRIMARY KEY,
  event_id uuid NOT NULL UNIQUE,
  type text NOT NULL,
  reference text NOT NULL,
  payload jsonb,
  send_after timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  claimed_until timestamptz,
  delivered_at timestamptz,
  given_up_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX webhook_outbox_due_idx ON webhook_outbox (send_after) WHERE delivered_at IS NULL AND given_up_at IS NULL;
