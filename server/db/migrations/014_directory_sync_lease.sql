-- One mirror sync at a time across every instance on this database.
--
-- An instance syncs the councils' feeds only while it holds the lease; the
-- lease runs out by itself (`held_until`) if its holder dies mid-sync, and
-- `finished_at` lets a scheduled run skip a sync another instance has just
-- done, so three instances still read each feed once an interval.
CREATE TABLE directory_sync_lease (
  name text PRIMARY KEY,
  holder text NOT NULL,
  held_until timestamptz NOT NULL,
  finished_at timestamptz
);
