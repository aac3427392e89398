-- The access log's lane search starts at a lane of the connection's own (docs/performance.md P4).
--
-- Since V38 an append took the first lane, counting from lane 0, that no other transaction held. A
-- transaction holds its lane until its commit is durable, and that flush is most of an append's
-- time, so with n connections appending at once a search usually found lanes 0 .. n-2 held and
-- tried n-1 locks before it took one: each failed try a visit to the lock table. Now the search
-- starts at the lane of the connection's server process (its pid modulo 16) and goes round: with
-- no more connections appending at once than there are lanes, a connection mostly finds its own
-- lane free at the first try, and a lane is mostly appended to by one connection, whose last row
-- is then still in the cache. Everything else is as in V40: a lane is held by a transaction-level
-- advisory lock (a lane this transaction already holds counts as free, so all its rows go into
-- one lane), the lane's newest row is read with the lane held, the id is drawn while it is held.

CREATE OR REPLACE FUNCTION access_log_chain() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
DECLARE
    first SMALLINT;
    held SMALLINT;
    previous CHAR(64);
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        -- (SQLSTATE P0001: the pool keeps the connection, as it would not after 0A000.)
        RAISE EXCEPTION 'the access log is appended in READ COMMITTED transactions only';
    END IF;
    -- The first lane nobody else holds, from the connection's own lane round (a lane this
    -- transaction already holds counts as free).
    first := pg_backend_pid() % 16;
    FOR step IN 0 .. 15 LOOP
        IF pg_try_advisory_xact_lock(1095520071, (first + step) % 16) THEN
            held := (first + step) % 16;
            EXIT;
        END IF;
    END LOOP;
    IF held IS NULL THEN
        -- Every lane is busy: wait for one.
        held := floor(random() * 16)::SMALLINT;
        PERFORM pg_advisory_xact_lock(1095520071, held);
    END IF;
    -- A new snapshot, taken with the lane held: the lane's newest committed row is its head (the
    -- lane as a range of one: see V40).
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
