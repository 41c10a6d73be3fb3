-- Rate-limit windows kept in the database, so a restart does not reset them
-- and every instance on one PostgreSQL counts against the same allowance.
CREATE TABLE rate_limit_windows (
  bucket text NOT NULL,
  client text NOT NULL,
  window_start bigint NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (bucket, client)
);

CREATE INDEX rate_limit_windows_start_idx ON rate_limit_windows (window_start);
