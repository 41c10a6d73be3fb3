-- Self-assessments through <cls-self-assessment>: drafts saved to come back
-- to later, and assessments sent to the council.

-- A draft is found by its resume code alone (8 characters, no look-alikes).
-- Expired drafts answer 404 and are deleted when looked up.
CREATE TABLE drafts (
  code text PRIMARY KEY,
  questionnaire_id text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  answers jsonb NOT NULL,
  at text,
  lang text,
  saved_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);

CREATE INDEX drafts_expires_at_idx ON drafts (expires_at);

-- An assessment sent with consent; contact is NULL when none was given.
CREATE TABLE submissions (
  reference text PRIMARY KEY,
  questionnaire_id text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  answers jsonb NOT NULL,
  contact jsonb,
  lang text,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Insertion order, for "newest first" (see feedback.seq).
  seq bigserial NOT NULL
);

CREATE INDEX submissions_seq_idx ON submissions (seq DESC);
CREATE INDEX submissions_questionnaire_idx ON submissions (questionnaire_id);
