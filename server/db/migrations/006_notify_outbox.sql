-- Messages to residents through GOV.UK Notify, sent from a durable outbox.
--
-- A row is written in the same transaction as what it tells of (a booking,
-- a move, a cancellation), so no message is lost and none is sent for
-- something rolled back. `dedupe` makes each message one row however often
-- a request is replayed. The sender claims due rows (`claimed_until`), sends
-- them outside any transaction and marks them sent; a failure is retried
-- with backoff, and rows survive a restart.
CREATE TABLE notify_outbox (
  id bigserial PRIMARY KEY,
  dedupe text NOT NULL UNIQUE,
  reference text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('confirmation', 'reminder', 'cancellation')),
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  template_id text NOT NULL,
  recipient text NOT NULL,
  personalisation jsonb NOT NULL,
  send_after timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  claimed_until timestamptz,
  sent_at timestamptz,
  notify_id text,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX notify_outbox_due_idx ON notify_outbox (send_after) WHERE sent_at IS NULL;
CREATE INDEX notify_outbox_reference_idx ON notify_outbox (reference);
