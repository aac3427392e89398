-- The access log's lanes without a head row (docs/performance.md P4; docs/dpo-guide.md "Verifying the chain").
--
-- Since V22 an append took a lane by locking its head row in access_log_lane (SELECT ... FOR UPDATE
-- SKIP LOCKED, which writes a row lock) and updated that row (a new row version and its WAL) in every
-- transaction: with the trigger call, the ~25-30 µs per append that kept the chained append below
-- 0.9x a plain insert. Now:
--
--   * a lane is held by a transaction-level advisory lock (key: 1095520071, which spells "ALOG", and the
--     lane number), taken like the row lock before: the first lane no other transaction holds (a lane
--     this transaction holds counts as free), else a random one, waited for. Memory only, nothing
--     written; released when the transaction ends, after its commit is visible to others;
--   * the lane's previous hash is the hash of the lane's newest row, read through the new index on
--     (lane, id) after the lock is held. In READ COMMITTED each statement of this (volatile) trigger
--     function takes a new snapshot, so the read sees every row the lane's earlier holders committed:
--     a lane stays one chain, with no fork and no gap, exactly as under the row lock;
--   * in REPEATABLE READ or SERIALIZABLE the transaction's snapshot may predate the last commit in the
--     lane, so the trigger refuses the append there (fail closed; the node appends in READ COMMITTED
--     only, and the verifier's REPEATABLE READ snapshot only reads);
--   * the id is drawn while the lane is held, so ids grow along each lane, as before.
--
-- access_log_lane is now a view of each lane's newest row (same columns): a lane's head is what the log
-- holds. The head row could be rewritten together with the rows by whoever can delete rows (the
-- owner, past the append-only trigger), so it never protected against that; what does is a checkpoint
-- kept out of that person's reach (signed checkpoints and their gossip, V27): a lane cut back no longer
-- extends a checkpoint taken before (event_missing).

CREATE INDEX access_log_lane_id ON access_log (lane, id);

CREATE OR REPLACE FUNCTION access_log_chain() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
DECLARE
    held SMALLINT;
    previous CHAR(64);
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        -- (SQLSTATE P0001: the pool keeps the connection, as it would not after 0A000.)
        RAISE EXCEPTION 'the access log is appended in READ COMMITTED transactions only';
    END IF;
    -- The first lane nobody else holds (a lane this transaction already holds counts as free).
    FOR candidate IN 0 .. 15 LOOP
        IF pg_try_advisory_xact_lock(1095520071, candidate) THEN
            held := candidate;
            EXIT;
        END IF;
    END LOOP;
    IF held IS NULL THEN
        -- Every lane is busy: wait for one.
        held := floor(random() * 16)::SMALLINT;
        PERFORM pg_advisory_xact_lock(1095520071, held);
    END IF;
    -- A new snapshot, taken with the lane held: the lane's newest committed row is its head.
    SELECT a.hash INTO previous FROM access_log a WHERE a.lane = held ORDER BY a.id DESC LIMIT 1;
    -- The id is drawn while the lane is held, so ids grow along each lane.
    NEW.id := nextval('access_log_id_seq');
    NEW.lane := held;
    NEW.prev_hash := COALESCE(previous, repeat('0', 64));
    IF NEW.content_digest IS NULL THEN
        NEW.canonical_version := 1;
        NEW.hash := encode(sha256(convert_to(access_log_canonical(NEW), 'UTF8')), 'hex');
    ELSE
        NEW.canonical_version := 2;
        NEW.hash := encode(sha256(convert_to(E'access-log-v2\nprev_hash=' || NEW.prev_hash || E'\nid=' || NEW.id
            || E'\ncontent_digest=' || NEW.content_digest || E'\n', 'UTF8')), 'hex');
    END IF;
    RETURN NEW;
END $$;

-- The heads as the verifier, the checkpoints and the DBA read them: each lane's newest row, its hash and
-- the lane's length (an empty lane: id 0, the genesis hash, 0 events).
DROP TABLE access_log_lane;
CREATE VIEW access_log_lane AS
    SELECT l.lane::SMALLINT AS lane, COALESCE(h.id, 0) AS last_id,
           COALESCE(h.hash, repeat('0', 64))::CHAR(64) AS last_hash,
           (SELECT count(*) FROM access_log c WHERE c.lane = l.lane) AS events
    FROM generate_series(0, 15) AS l(lane)
    LEFT JOIN LATERAL (SELECT a.id, a.hash FROM access_log a WHERE a.lane = l.lane ORDER BY a.id DESC LIMIT 1) h
        ON true;

REVOKE ALL ON access_log_lane FROM ${app_role};
GRANT SELECT ON access_log_lane TO ${app_role};
