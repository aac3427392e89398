-- Referrals (ARCHITECTURE.md §11): one person referred by an agency of this node to a receiving
-- agency, with the categories it carries and the basis the policy accepted (the person's consent
-- or a child's best interest). `carried` is the data of exactly the referred categories as it was
-- when sent: all the receiving agency ever sees of the person. Each step of the lifecycle (SENT,
-- RECEIVED, ACCEPTED, DECLINED, COMPLETED, REVOKED) is a row of referral_step, append-only.
CREATE TABLE referral (
    id                      UUID          PRIMARY KEY,
    sender_agency           VARCHAR(40)   NOT NULL,
    sent_by                 VARCHAR(200)  NOT NULL,
    receiver_agency         VARCHAR(40)   NOT NULL,
    receiver_node           VARCHAR(40)   NOT NULL,
    screening_id            UUID,
    record_id               UUID,
    type                    VARCHAR(30)   NOT NULL,
    categories              VARCHAR(200)  NOT NULL,
    basis                   VARCHAR(30)   NOT NULL,
    consent                 JSONB,
    best_interest_reason    TEXT,
    note                    TEXT,
    priority                VARCHAR(10)   NOT NULL,
    status                  VARCHAR(12)   NOT NULL,
    carried                 JSONB         NOT NULL,
    created_at              TIMESTAMPTZ   NOT NULL,
    updated_at              TIMESTAMPTZ   NOT NULL,
    version                 BIGINT        NOT NULL,
    CONSTRAINT referral_one_source CHECK ((screening_id IS NULL) <> (record_id IS NULL)),
    CONSTRAINT referral_basis CHECK ((basis = 'CONSENT' AND consent IS NOT NULL AND best_interest_reason IS NULL)
        OR (basis = 'CHILD_BEST_INTEREST' AND consent IS NULL AND best_interest_reason IS NOT NULL))
);
CREATE INDEX referral_sender ON referral (sender_agency, created_at);
CREATE INDEX referral_receiver ON referral (receiver_agency, created_at);

CREATE TABLE referral_step (
    id                      BIGSERIAL     PRIMARY KEY,
    referral_id             UUID          NOT NULL REFERENCES referral (id),
    status                  VARCHAR(12)   NOT NULL,
    occurred_at             TIMESTAMPTZ   NOT NULL,
    actor                   VARCHAR(200)  NOT NULL,
    agency                  VARCHAR(40)   NOT NULL,
    reason                  TEXT,
    successful              BOOLEAN
);
CREATE INDEX referral_step_referral ON referral_step (referral_id, id);

GRANT SELECT, INSERT, UPDATE ON referral TO ${app_role};
GRANT SELECT, INSERT ON referral_step TO ${app_role};
GRANT USAGE, SELECT ON SEQUENCE referral_step_id_seq TO ${app_role};
