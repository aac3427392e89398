-- The reuse rule asks one question: has the agency used this justification for another subject
-- within the window? Answered by two bounded index scans either side of the subject (the ledgers'
-- recentJustifications), so the cost does not grow with how often one justification was used for
-- one subject (found by bench/exchange-latency: with V21's indexes every request read all earlier
-- uses, and a node's CPU per request grew with them).
DROP INDEX exchange_request_agency_fingerprint;
DROP INDEX exchange_received_agency_fingerprint;
CREATE INDEX exchange_request_agency_fingerprint_subject
    ON exchange_request (agency, justification_fingerprint, subject_key, created_at);
CREATE INDEX exchange_received_agency_fingerprint_subject
    ON exchange_received (requester_agency, justification_fingerprint, subject_key, received_at);
