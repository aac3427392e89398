-- Referrals between nodes (docs/design.md §11, docs/referrals.md "Across nodes"). A referral to an
-- agency of another node is stored at the sender as before and, in the same transaction, as a
-- message of the outbox; a worker signs and delivers it, again and again with a growing pause,
-- until the receiving node answers with its signed receipt. The receiver stores the referral once
-- (its `sender_node` names the node it came from; the sender's screening or record id never
-- travels) and keeps every envelope it accepted in referral_inbox, which also refuses a replayed
-- `jti` and answers a message delivered twice (a new envelope of the same message id) as already
-- received, storing it once. Lifecycle steps travel the
-- same way in both directions.
ALTER TABLE referral ADD COLUMN sender_node VARCHAR(40);
ALTER TABLE referral DROP CONSTRAINT referral_one_source;
ALTER TABLE referral ADD CONSTRAINT referral_one_source CHECK (
    (sender_node IS NULL AND ((screening_id IS NULL) <> (record_id IS NULL)))
    OR (sender_node IS NOT NULL AND screening_id IS NULL AND record_id IS NULL));
CREATE INDEX referral_screening ON referral (screening_id) WHERE screening_id IS NOT NULL;
CREATE INDEX referral_by_record ON referral (record_id) WHERE record_id IS NOT NULL;

CREATE TABLE referral_outbox (
    id                      BIGSERIAL     PRIMARY KEY,
    message_id              UUID          NOT NULL UNIQUE,
    referral_id             UUID          NOT NULL REFERENCES referral (id),
    kind                    VARCHAR(10)   NOT NULL CHECK (kind IN ('REFERRAL', 'STEP')),
    target_node             VARCHAR(40)   NOT NULL,
    message                 JSONB         NOT NULL,
    state                   VARCHAR(10)   NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'REFUSED', 'CANCELLED')),
    attempts                INTEGER       NOT NULL DEFAULT 0,
    created_at              TIMESTAMPTZ   NOT NULL,
    next_attempt_at         TIMESTAMPTZ   NOT NULL,
    last_attempt_at         TIMESTAMPTZ,
    delivered_at            TIMESTAMPTZ,
    last_error              VARCHAR(60),
    envelope                TEXT,
    receipt                 TEXT
);
CREATE INDEX referral_outbox_due ON referral_outbox (next_attempt_at, id) WHERE state = 'PENDING';
CREATE INDEX referral_outbox_referral ON referral_outbox (referral_id, id);

CREATE TABLE referral_inbox (
    id                      BIGSERIAL     PRIMARY KEY,
    sender_node             VARCHAR(40)   NOT NULL,
    jti                     VARCHAR(100)  NOT NULL,
    message_id              UUID          NOT NULL,
    referral_id             UUID          NOT NULL,
    kind                    VARCHAR(10)   NOT NULL,
    outcome                 VARCHAR(20)   NOT NULL CHECK (outcome IN ('STORED', 'ALREADY_RECEIVED')),
    digest                  VARCHAR(60)   NOT NULL,
    envelope                TEXT          NOT NULL,
    receipt                 TEXT          NOT NULL,
    received_at             TIMESTAMPTZ   NOT NULL,
    CONSTRAINT referral_inbox_jti UNIQUE (sender_node, jti)
);
-- One STORED row per message: a message delivered again is answered as already received.
CREATE UNIQUE INDEX referral_inbox_message ON referral_inbox (sender_node, message_id) WHERE outcome = 'STORED';
CREATE INDEX referral_inbox_referral ON referral_inbox (referral_id, id);

GRANT SELECT, INSERT, UPDATE ON referral_outbox TO ${app_role};
GRANT USAGE, SELECT ON SEQUENCE referral_outbox_id_seq TO ${app_role};
GRANT SELECT, INSERT ON referral_inbox TO ${app_role};
GRANT USAGE, SELECT ON SEQUENCE referral_inbox_id_seq TO ${app_role};
