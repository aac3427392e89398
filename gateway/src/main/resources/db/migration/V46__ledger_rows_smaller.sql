-- Fewer and smaller writes per exchange on both ledgers (docs/performance.md P1).
--
-- 1. The index of the justification's fingerprint as written holds only the rows that have no
--    normalized fingerprint, those stored before V26. Two equal texts have equal normalized texts
--    (NormalizedJustification is a function of the text alone), so every row stored since V26 that
--    the text as written would find, its normalized fingerprint finds too: the reuse check's scans
--    of the text as written look only at the rows without one (JustificationUses), and each
--    exchange writes one index entry fewer. (Should the normalization ever change, a migration must
--    fingerprint the rows still in the reuse window again, as it would have to anyway.)
-- 2. A ledger row keeps its envelopes in the row. A request and its answer together are 2-3 kB,
--    above the 2 kB at which PostgreSQL would try to compress the signed texts (base64url, which
--    does not compress) and then move them to the TOAST table, one more row and index entry per
--    exchange; with toast_tuple_target at its maximum a row stays whole up to about 8 kB.

DROP INDEX exchange_received_agency_fingerprint_subject;
CREATE INDEX exchange_received_agency_fingerprint_subject
    ON exchange_received (requester_agency, justification_fingerprint, subject_key, received_at)
    WHERE justification_normalized_fingerprint IS NULL;
DROP INDEX exchange_request_agency_fingerprint_subject;
CREATE INDEX exchange_request_agency_fingerprint_subject
    ON exchange_request (agency, justification_fingerprint, subject_key, created_at)
    WHERE justification_normalized_fingerprint IS NULL;

ALTER TABLE exchange_received SET (toast_tuple_target = 8160);
ALTER TABLE exchange_request SET (toast_tuple_target = 8160);
