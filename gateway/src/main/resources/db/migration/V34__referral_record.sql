-- A record opened by the receiving agency from an accepted referral (docs/referrals.md): at
-- most one per referral (the primary key makes "exactly once" hold under concurrent calls too),
-- with the basis the person's data came on, carried over as given: the consent to the referral
-- (who gave it, the language the person was informed in, interpreter, evidence reference) or the
-- child's best-interest reason. Written once, never changed: the application only inserts.
CREATE TABLE referral_record (
    referral_id             UUID          PRIMARY KEY,
    record_id               UUID          NOT NULL UNIQUE,
    receiver_agency         VARCHAR(40)   NOT NULL,
    sender_agency           VARCHAR(40)   NOT NULL,
    opened_by               VARCHAR(200)  NOT NULL,
    opened_at               TIMESTAMPTZ   NOT NULL,
    categories              VARCHAR(200)  NOT NULL,
    basis                   VARCHAR(30)   NOT NULL,
    consent                 JSONB,
    best_interest_reason    TEXT,
    CONSTRAINT referral_record_basis CHECK ((basis = 'CONSENT' AND consent IS NOT NULL AND best_interest_reason IS NULL)
        OR (basis = 'CHILD_BEST_INTEREST' AND consent IS NULL AND best_interest_reason IS NOT NULL))
);

GRANT SELECT, INSERT ON referral_record TO ${app_role};
