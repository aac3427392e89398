-- Regional statistics without personal data (ARCHITECTURE.md §14, docs/statistics.md).
--
-- 1. Releases. The figures of a month are computed once, with disclosure control applied, and kept
--    as released: whoever asks later, for whatever period, gets the same cells. A figure that could
--    change between two answers (a status corrected, a review decided) would let the two answers be
--    subtracted from each other, so a release is never recomputed. One row per month and population
--    (records registered, requests received, ...): a population added later is released for past
--    months when first asked. The rows hold only published cells: what is suppressed is not stored.
--    The application's role may read and add releases, never change or delete them.
CREATE TABLE statistics_release (
    month        DATE         NOT NULL CHECK (extract(day FROM month) = 1),
    population   VARCHAR(40)  NOT NULL,
    released_at  TIMESTAMPTZ  NOT NULL,
    threshold    INTEGER      NOT NULL CHECK (threshold >= 5),
    figures      JSONB        NOT NULL,
    PRIMARY KEY (month, population)
);
REVOKE ALL ON statistics_release FROM ${app_role};
GRANT SELECT, INSERT ON statistics_release TO ${app_role};

-- 2. Fast counting over large tables (QUALITY.md P9): each population is counted by one index-only
--    scan over the months asked for, never by reading the rows themselves (records carry their
--    categories as jsonb; the ledgers carry the signed envelopes).
--
--    Records registered: what the statistics classify a record by, derived from the record's own
--    jsonb by PostgreSQL whenever the record is written (the application never writes them), and
--    an index by registration time that carries them with the latest possible birth date.
ALTER TABLE subject_record
    ADD COLUMN statistics_status      TEXT GENERATED ALWAYS AS (case_status ->> 'status') STORED,
    ADD COLUMN statistics_sex         TEXT GENERATED ALWAYS AS (identity ->> 'sex') STORED,
    ADD COLUMN statistics_nationality TEXT GENERATED ALWAYS AS (identity -> 'nationalities' ->> 0) STORED;
CREATE INDEX subject_record_statistics ON subject_record (created_at)
    INCLUDE (statistics_status, statistics_nationality, statistics_sex, birth_to);

--    Requests received (holder side): outcome and subject by time of receipt; the purpose is not a
--    column of the ledger (it travels inside the signed request), so it is read from the holder's
--    own decision in the access log, through a small index of the decisions alone.
CREATE INDEX exchange_received_statistics ON exchange_received (received_at)
    INCLUDE (sender_node, request_id, outcome, subject_record_id, subject_key);
CREATE INDEX access_log_decided_purpose ON access_log (request_id, counterpart_node)
    INCLUDE (purpose) WHERE action = 'REQUEST_DECIDED';

--    Requests sent (requester side).
CREATE INDEX exchange_request_statistics ON exchange_request (created_at)
    INCLUDE (purpose, status, outcome, subject_key);
