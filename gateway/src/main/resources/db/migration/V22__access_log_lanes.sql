-- The access log as 16 parallel hash chains ("lanes") instead of one (QUALITY.md P4; design in
-- docs/dpo-guide.md "Verifying the chain").
--
-- With one chain, every appending transaction held the one head row locked until it committed, so
-- appends ran strictly one after another, each waiting for its own disk flush. With lanes, an
-- appending transaction takes the first lane no other transaction holds (FOR UPDATE SKIP LOCKED)
-- and holds only that one until it commits: up to 16 appends commit together and share flushes.
-- Each lane keeps every property the single chain had: its rows link by prev_hash in id order,
-- a rolled-back transaction rolls its row and its lane's head back together, every replica of a
-- node takes the same locks, and the row is chained in the transaction that reads or releases the
-- data (R1). The canonical form of a row does not change (access-log-v1): the rows written so far
-- are lane 0 and keep their hashes.
--
-- The chaining moves into the database: a BEFORE INSERT trigger sets id, lane, prev_hash and hash
-- of every new row, whatever the inserting statement supplied. The application inserts the event's
-- fields only; the node's verifier (Java) recomputes every hash independently of this SQL.

ALTER TABLE access_log ADD COLUMN lane SMALLINT NOT NULL DEFAULT 0 CHECK (lane BETWEEN 0 AND 15);
ALTER TABLE access_log ALTER COLUMN lane DROP DEFAULT;

CREATE TABLE access_log_lane (
    lane        SMALLINT    PRIMARY KEY CHECK (lane BETWEEN 0 AND 15),
    last_id     BIGINT      NOT NULL,
    last_hash   CHAR(64)    NOT NULL,
    events      BIGINT      NOT NULL
);
INSERT INTO access_log_lane (lane, last_id, last_hash, events)
    SELECT 0, last_id, last_hash, events FROM access_log_head;
INSERT INTO access_log_lane (lane, last_id, last_hash, events)
    SELECT g, 0, repeat('0', 64), 0 FROM generate_series(1, 15) g;
DROP TABLE access_log_head;

-- Ids come from the table's sequence again (the single chain counted them from its head), drawn by
-- the trigger only (a column default would draw a second number for every row).
ALTER TABLE access_log ALTER COLUMN id DROP DEFAULT;
SELECT setval('access_log_id_seq', COALESCE((SELECT max(id) FROM access_log), 0) + 1, false);

-- The canonical form of V20, unchanged in its output, in PL/pgSQL and as a loop over the fields:
-- the trigger below runs in a new transaction each time, and PostgreSQL prepares a function's
-- expressions anew for every transaction, at a cost that grows with their size. The SQL function
-- of V20 was even planned anew on every call. Measured per append: about 45 µs for V20's form,
-- about a third less for this one (bench/access-log-append measures the whole append).
CREATE OR REPLACE FUNCTION access_log_canonical(r access_log) RETURNS TEXT
    LANGUAGE plpgsql STABLE AS $$
DECLARE
    names CONSTANT TEXT[] := '{prev_hash,id,occurred_at,node_id,actor,agency,action,record_id,outcome,reason_codes,'
        'request_id,counterpart_node,counterpart_party,holder_agency,purpose,categories,justification,'
        'justification_fingerprint,request_digest,response_digest}';
    vals TEXT[] := ARRAY[r.prev_hash, r.id::TEXT,
        to_char(r.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), r.node_id, r.actor, r.agency,
        r.action, r.record_id::TEXT, r.outcome, r.reason_codes, r.request_id::TEXT, r.counterpart_node,
        r.counterpart_party, r.holder_agency, r.purpose, r.categories, r.justification, r.justification_fingerprint,
        r.request_digest, r.response_digest];
    out TEXT := E'access-log-v1\n';
BEGIN
    FOR i IN 1 .. 20 LOOP
        out := out || names[i] || '=' || COALESCE(octet_length(vals[i])::TEXT || ':' || vals[i], '-') || E'\n';
    END LOOP;
    RETURN out;
END $$;

CREATE FUNCTION access_log_chain() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
DECLARE
    head access_log_lane;
BEGIN
    -- The first lane nobody else holds (a lane this transaction already holds counts as free).
    SELECT * INTO head FROM access_log_lane ORDER BY lane LIMIT 1 FOR UPDATE SKIP LOCKED;
    IF NOT FOUND THEN
        -- Every lane is busy: wait for one.
        SELECT * INTO head FROM access_log_lane WHERE lane = floor(random() * 16)::SMALLINT FOR UPDATE;
    END IF;
    -- The id is drawn while the lane is held, so ids grow along each lane.
    NEW.id := nextval('access_log_id_seq');
    NEW.lane := head.lane;
    NEW.prev_hash := head.last_hash;
    NEW.hash := encode(sha256(convert_to(access_log_canonical(NEW), 'UTF8')), 'hex');
    UPDATE access_log_lane SET last_id = NEW.id, last_hash = NEW.hash, events = events + 1
        WHERE lane = head.lane;
    RETURN NEW;
END $$;

CREATE TRIGGER access_log_chain BEFORE INSERT ON access_log
    FOR EACH ROW EXECUTE FUNCTION access_log_chain();

-- The application's role: as it had on the head. SELECT ... FOR UPDATE needs UPDATE; the verifier
-- checks that the lanes' heads agree with the log.
REVOKE ALL ON access_log_lane FROM ${app_role};
GRANT SELECT, UPDATE ON access_log_lane TO ${app_role};
