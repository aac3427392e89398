-- The data-protection officer's activity per day (docs/dpo-guide.md "Activity per day"): the access
-- log's events counted per UTC day, action and outcome over a bounded window (the console shows the
-- last 30 days). The index on occurred_at (V2) found the window's rows, but each count then read
-- the row itself for its action and outcome. This index has the same key and carries both, so the
-- count is an index-only scan of the window (the log is append-only, so its pages soon count as
-- all-visible). It replaces the V2 index rather than adding one: every search by time it served,
-- it serves alike, and an append still updates one index on occurred_at, not two.
CREATE INDEX access_log_occurred_at_activity ON access_log (occurred_at) INCLUDE (action, outcome);
DROP INDEX access_log_occurred_at;
