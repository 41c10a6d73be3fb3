-- The community directory: services (with their organisation, locations,
-- schedules and taxonomy terms embedded as one validated document, as the
-- ORUK reader produces them), hubs, and the embedded geocoding table.
CREATE TABLE organizations (
  id text PRIMARY KEY,
  name text NOT NULL,
  doc jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE taxonomy_terms (
  id text PRIMARY KEY,
  taxonomy text,
  name text NOT NULL,
  doc jsonb NOT NULL
);

CREATE TABLE services (
  id text PRIMARY KEY,
  name text NOT NULL,
  status text NOT NULL,
  organization_id text REFERENCES organizations (id) ON DELETE SET NULL,
  -- Where the record came from: 'seed' or the feed URL/file it was imported from.
  source text NOT NULL,
  doc jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX services_organization_idx ON services (organization_id);

CREATE TABLE service_taxonomy_terms (
  service_id text NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  term_id text NOT NULL REFERENCES taxonomy_terms (id) ON DELETE CASCADE,
  PRIMARY KEY (service_id, term_id)
);

CREATE TABLE hubs (
  id text PRIMARY KEY,
  name text NOT NULL,
  lat double precision NOT NULL,
  lng double precision NOT NULL,
  doc jsonb NOT NULL
);

-- Postcodes, outcodes and place names of the seed area, for /api/v1/geocode.
-- key is the normalised form: 'SY7 9QT', 'SY7', or a lower-case,
-- accent-free place name.
CREATE TABLE places (
  key text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('postcode', 'outcode', 'place')),
  label text NOT NULL,
  lat double precision NOT NULL,
  lng double precision NOT NULL
);

-- Bumped on every directory write, so servers can tell their cache is stale.
CREATE TABLE directory_version (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  version bigint NOT NULL DEFAULT 0
);
INSERT INTO directory_version (singleton, version) VALUES (true, 0);
