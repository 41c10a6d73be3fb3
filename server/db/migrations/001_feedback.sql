-- Feedback left by residents through <cls-feedback>.
CREATE TABLE feedback (
  id uuid PRIMARY KEY,
  -- Insertion order: now() is per transaction and only millisecond-precise
  -- in PGlite, so created_at alone cannot order "newest first".
  seq bigserial NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  helpful smallint NOT NULL CHECK (helpful BETWEEN 1 AND 5),
  ease smallint NOT NULL CHECK (ease BETWEEN 1 AND 5),
  comment text CHECK (char_length(comment) <= 1000),
  hub text,
  source text,
  lang text
);

CREATE INDEX feedback_seq_idx ON feedback (seq DESC);
CREATE INDEX feedback_hub_idx ON feedback (hub);

-- One row per Idempotency-Key per route: a retried POST returns the first
-- answer instead of storing twice. request_hash catches a key reused for a
-- different body.
CREATE TABLE idempotency_keys (
  route text NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  status smallint NOT NULL,
  response jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (route, key)
);
