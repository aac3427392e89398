-- The exchange between nodes (ARCHITECTURE.md §5). Migrations V2..V9 belong to records, consents,
-- agreements, the registry and the access log; V10 onwards to the exchange.

-- Requester side: every request an officer of this node sent, and the holder's signed answer,
-- kept as evidence that verifies offline.
CREATE TABLE exchange_request (
    id               UUID         PRIMARY KEY,
    officer          VARCHAR(200) NOT NULL,
    agency           VARCHAR(40)  NOT NULL,
    holder_agency    VARCHAR(40)  NOT NULL,
    holder_node      VARCHAR(31)  NOT NULL,
    purpose          VARCHAR(40)  NOT NULL,
    -- For the justification-reuse rule: fingerprints only, never the names of the subject.
    justification_fingerprint VARCHAR(64) NOT NULL,
    subject_key      VARCHAR(64)  NOT NULL,
    request_body     JSONB        NOT NULL,
    request_jws      TEXT         NOT NULL,
    request_digest   VARCHAR(43)  NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    outcome          VARCHAR(20),
    response_jws     TEXT,
    response_kid     VARCHAR(64),
    created_at       TIMESTAMPTZ  NOT NULL,
    answered_at      TIMESTAMPTZ,
    CONSTRAINT exchange_request_status CHECK (status IN ('SENT', 'ANSWERED', 'PENDING_REVIEW', 'UNDELIVERED'))
);
CREATE INDEX exchange_request_agency_created ON exchange_request (agency, created_at);

-- Holder side: every request envelope received, by sender node and jti. The primary key is the
-- replay guard shared by all replicas of the node; the stored answer makes a retry idempotent.
CREATE TABLE exchange_received (
    sender_node       VARCHAR(31)  NOT NULL,
    jti               VARCHAR(100) NOT NULL,
    request_id        UUID         NOT NULL,
    request_digest    VARCHAR(43)  NOT NULL,
    request_jws       TEXT         NOT NULL,
    requester_agency  VARCHAR(40)  NOT NULL,
    holder_agency     VARCHAR(40)  NOT NULL,
    justification_fingerprint VARCHAR(64),
    subject_key       VARCHAR(64),
    subject_record_id UUID,
    received_at       TIMESTAMPTZ  NOT NULL,
    outcome           VARCHAR(20),
    internal_reason   VARCHAR(60),
    review_state      VARCHAR(20),
    review_decision   JSONB,
    response_jws      TEXT,
    PRIMARY KEY (sender_node, jti),
    CONSTRAINT exchange_received_request UNIQUE (sender_node, request_id),
    CONSTRAINT exchange_received_review CHECK (review_state IS NULL OR review_state IN ('WAITING', 'APPROVED', 'REJECTED'))
);
CREATE INDEX exchange_received_agency_received ON exchange_received (requester_agency, received_at);
CREATE INDEX exchange_received_review_waiting ON exchange_received (holder_agency, received_at)
    WHERE review_state = 'WAITING';
