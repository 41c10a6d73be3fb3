-- Booking manage keys that a replayed POST can give again.
--
-- A booking's manage key is HMAC-SHA256(secret, reference) with the secret
-- kept here (made once, on first use, so it survives restarts and is shared
-- by every server process on the database). Only the key's SHA-256 is kept
-- with the booking, as before, so old keys keep working too.
CREATE TABLE server_secrets (
  name text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
