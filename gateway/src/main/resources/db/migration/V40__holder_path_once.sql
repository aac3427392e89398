-- The holder's and the requester's path, each thing once (docs/performance.md P1).
--
-- 1. A lane's newest row is found through the index on (lane, id), whatever plan PostgreSQL caches.
--    The trigger's read "WHERE lane = held ORDER BY id DESC LIMIT 1" (V38) is prepared once per
--    connection, and after a few calls PostgreSQL keeps a generic plan made without the lane's
--    number: with the lane an equality, the planner drops it from the order and walks the primary
--    key backwards, filtering by lane, which it estimates to find a row at once. For a busy lane it
--    does; for a lane last used long ago (a peak of concurrent appends last month) it reads every
--    row appended since, while the lane is held - and the heads' view did the same for every lane
--    the verifier and the checkpoints asked about. The lane as a range of one ("lane BETWEEN held
--    AND held") is not an equality the planner can drop, so only the index on (lane, id) gives the
--    order asked for, and one index entry is read (AccessLogLanePlanIT).

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
    -- A new snapshot, taken with the lane held: the lane's newest committed row is its head (the
    -- lane as a range of one: see the head of this migration).
    SELECT a.hash INTO previous FROM access_log a WHERE a.lane BETWEEN held AND held
        ORDER BY a.lane DESC, a.id DESC LIMIT 1;
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

CREATE OR REPLACE VIEW access_log_lane AS
    SELECT l.lane::SMALLINT AS lane, COALESCE(h.id, 0) AS last_id,
           COALESCE(h.hash, repeat('0', 64))::CHAR(64) AS last_hash,
           (SELECT count(*) FROM access_log c WHERE c.lane = l.lane) AS events
    FROM generate_series(0, 15) AS l(lane)
    LEFT JOIN LATERAL (SELECT a.id, a.hash FROM access_log a WHERE a.lane BETWEEN l.lane AND l.lane
                       ORDER BY a.lane DESC, a.id DESC LIMIT 1) h
        ON true;

-- 2. Smaller writes per exchange.
--    The requester's ledger kept the officer's request twice: as JSON (request_body, read by
--    nothing) and inside the signed envelope (request_jws), which is the evidence. It keeps the
--    envelope only.
ALTER TABLE exchange_request DROP COLUMN request_body;
--    The holder's ledger by requesting agency and time (V10) served the reuse rule before V21; no
--    query reads it now, and every received request wrote an entry into it.
DROP INDEX exchange_received_agency_received;

-- 3. A reviewer's decision finds the request by its id within the reviewer's agency, from any
--    sender (ReceivedLedger.forHolder): the unique key on (sender_node, request_id) could serve it
--    only by reading the whole index. The same key with the request id first serves both that and
--    the lookup by sender and id, at no extra write (ReviewLookupPlanIT).
ALTER TABLE exchange_received DROP CONSTRAINT exchange_received_request,
    ADD CONSTRAINT exchange_received_request UNIQUE (request_id, sender_node);
