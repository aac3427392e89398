-- The reuse rule also refuses a justification that differs from one used for another subject only
-- in numbers, dates or case references (policy NormalizedJustification): both ledgers keep the
-- fingerprint of the normalized text beside the fingerprint of the text as written, and answer
-- "one use by the agency for another subject within the window" for it by the same two bounded
-- index scans as V23. Rows written before this migration have none; for them the rule compares
-- the text as written only (JustificationUses), until they leave the reuse window.
ALTER TABLE exchange_request ADD COLUMN justification_normalized_fingerprint VARCHAR(64);
ALTER TABLE exchange_received ADD COLUMN justification_normalized_fingerprint VARCHAR(64);
CREATE INDEX exchange_request_agency_normalized_subject
    ON exchange_request (agency, justification_normalized_fingerprint, subject_key, created_at);
CREATE INDEX exchange_received_agency_normalized_subject
    ON exchange_received (requester_agency, justification_normalized_fingerprint, subject_key, received_at);
