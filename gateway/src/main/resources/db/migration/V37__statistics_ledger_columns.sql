-- Statistics, second part (docs/statistics.md; docs/performance.md P9).
--
-- 1. Requests received: the holder's ledger carries what the statistics group its rows by, so that
--    a period is counted by one index-only scan of the ledger, without the join to the access log
--    that V30 needed for the purpose (a year of history took 3.6-4.2 s at a node, 2 s wanted).
--    `purpose` is written by the holder with the row, from the verified request. `statistics_person`
--    is the person a request concerns, as a 64-bit hash (the record the holder matched, else the
--    subject as the requester named it, else the request itself), derived by PostgreSQL whenever the
--    row is written: the statistics count distinct persons per cell, and a hash of 8 bytes keeps the
--    index small (two subjects that collide count as one, which can only suppress more).
--    Adding the derived column rewrites the table once (the ledger is locked meanwhile).
ALTER TABLE exchange_received
    ADD COLUMN purpose VARCHAR(40),
    ADD COLUMN statistics_person BIGINT GENERATED ALWAYS AS
        (hashtextextended(coalesce(subject_record_id::text, subject_key, sender_node || request_id::text), 0)) STORED;

--    The purpose of the rows received before this version: the holder's own decision in the access
--    log (REQUEST_DECIDED, written in the transaction that stored the row, from the same verified
--    envelope), else the stored request envelope itself (its payload's request.purpose). A row with
--    neither counts as purpose UNKNOWN.
CREATE FUNCTION pg_temp.request_purpose(jws TEXT) RETURNS TEXT LANGUAGE plpgsql AS $$
DECLARE
    payload TEXT := translate(split_part(jws, '.', 2), '-_', '+/');
BEGIN
    RETURN left(convert_from(decode(payload || repeat('=', (4 - length(payload) % 4) % 4), 'base64'), 'UTF8')::jsonb
        #>> '{request,purpose}', 40);
EXCEPTION WHEN others THEN
    RETURN NULL;
END $$;
UPDATE exchange_received r SET purpose = coalesce(
    (SELECT l.purpose FROM access_log l
     WHERE l.action = 'REQUEST_DECIDED' AND l.request_id = r.request_id AND l.counterpart_node = r.sender_node
     ORDER BY l.id LIMIT 1),
    pg_temp.request_purpose(r.request_jws));
DROP FUNCTION pg_temp.request_purpose(TEXT);

--    The index the statistics count requests received by: month, purpose, outcome and person. The
--    join index of V30 served the statistics only.
DROP INDEX exchange_received_statistics;
CREATE INDEX exchange_received_statistics ON exchange_received (received_at)
    INCLUDE (purpose, outcome, statistics_person);
DROP INDEX access_log_decided_purpose;

-- 2. Screenings by month recorded: the interviews of a month are read (their indicators are computed
--    from the interview, never stored: V31), found by the time they were recorded.
CREATE INDEX screening_statistics ON screening (created_at);

-- 3. Referrals sent, by month sent: sending agency, type, priority, status and the person (record or
--    screening), for an index-only scan; a completed referral's `successful` is read from its
--    COMPLETED step through referral_step_referral (by the referral's id).
CREATE INDEX referral_statistics ON referral (created_at)
    INCLUDE (id, sender_agency, type, priority, status, record_id, screening_id);
