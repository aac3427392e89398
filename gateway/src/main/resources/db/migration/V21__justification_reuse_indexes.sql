-- The justification-reuse rule reads an agency's uses of one justification (by fingerprint) in
-- the reuse window, on both sides of the exchange, for every request.
CREATE INDEX exchange_request_agency_fingerprint ON exchange_request (agency, justification_fingerprint, created_at);
CREATE INDEX exchange_received_agency_fingerprint ON exchange_received (requester_agency, justification_fingerprint, received_at);
