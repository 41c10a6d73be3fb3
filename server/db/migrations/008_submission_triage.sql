-- What the council needs to route a sent self-assessment without opening it:
-- whether an answer signalled danger (and which), the suggested next step and
-- the wellbeing areas the person said are hard, all worked out by the server
-- from the answers with the questionnaire's own rules. Also when consent was
-- given and which wording of the consent text was shown.
ALTER TABLE submissions ADD COLUMN urgent boolean NOT NULL DEFAULT false;
ALTER TABLE submissions ADD COLUMN urgent_reasons jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE submissions ADD COLUMN next_step text;
ALTER TABLE submissions ADD COLUMN areas jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE submissions ADD COLUMN consented_at timestamptz;
ALTER TABLE submissions ADD COLUMN consent_version text;

CREATE INDEX submissions_urgent_idx ON submissions (urgent, seq DESC);
