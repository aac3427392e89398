-- Subject records (ARCHITECTURE.md §4): one row per person registered by a holding agency. Each
-- category is its own jsonb column so that Envers' modified flags say which categories changed.
-- The *_key, birth_* and *_keys columns are derived from IDENTITY for identity matching (indexed,
-- not audited: they are recomputed from the audited identity).
CREATE TABLE subject_record (
    id                      UUID         PRIMARY KEY,
    holder_agency           VARCHAR(40)  NOT NULL,
    holder_record_ref       VARCHAR(64)  NOT NULL,
    identity                JSONB        NOT NULL,
    case_status             JSONB        NOT NULL,
    claim                   JSONB,
    family                  JSONB,
    contact                 JSONB,
    specific_needs          JSONB,
    protection_hold         BOOLEAN      NOT NULL,
    created_at              TIMESTAMPTZ  NOT NULL,
    updated_at              TIMESTAMPTZ  NOT NULL,
    version                 BIGINT       NOT NULL,
    family_name_key         VARCHAR(200) NOT NULL,
    latin_family_name_key   VARCHAR(200),
    given_names_key         VARCHAR(200) NOT NULL,
    latin_given_names_key   VARCHAR(200),
    birth_from              DATE,
    birth_to                DATE,
    nationality_keys        VARCHAR(100),
    document_keys           VARCHAR(500),
    CONSTRAINT subject_record_holder_ref UNIQUE (holder_agency, holder_record_ref)
);
CREATE INDEX subject_record_family_name_key ON subject_record (holder_agency, family_name_key, birth_from);
CREATE INDEX subject_record_latin_family_name_key ON subject_record (holder_agency, latin_family_name_key, birth_from);

CREATE TABLE subject_record_aud (
    id                      UUID         NOT NULL,
    rev                     BIGINT       NOT NULL REFERENCES audit_revision (id),
    revtype                 SMALLINT,
    holder_agency           VARCHAR(40),
    holder_agency_mod       BOOLEAN,
    holder_record_ref       VARCHAR(64),
    holder_record_ref_mod   BOOLEAN,
    identity                JSONB,
    identity_mod            BOOLEAN,
    case_status             JSONB,
    case_status_mod         BOOLEAN,
    claim                   JSONB,
    claim_mod               BOOLEAN,
    family                  JSONB,
    family_mod              BOOLEAN,
    contact                 JSONB,
    contact_mod             BOOLEAN,
    specific_needs          JSONB,
    specific_needs_mod      BOOLEAN,
    protection_hold         BOOLEAN,
    protection_hold_mod     BOOLEAN,
    PRIMARY KEY (id, rev)
);

-- Consents (ARCHITECTURE.md §4): recipients, purposes, categories, validity, how the person was
-- informed, who recorded it, and the withdrawal. Withdrawal is an update, so history keeps both.
CREATE TABLE consent (
    id                      UUID          PRIMARY KEY,
    record_id               UUID          NOT NULL REFERENCES subject_record (id),
    holder_agency           VARCHAR(40)   NOT NULL,
    recipients              JSONB         NOT NULL,
    purposes                JSONB         NOT NULL,
    categories              JSONB         NOT NULL,
    valid_from              DATE          NOT NULL,
    valid_until             DATE,
    given_by                VARCHAR(10)   NOT NULL,
    informed_in_language    VARCHAR(3)    NOT NULL,
    interpreter_present     BOOLEAN       NOT NULL,
    evidence_ref            VARCHAR(64),
    recorded_by             VARCHAR(200)  NOT NULL,
    recorded_at             TIMESTAMPTZ   NOT NULL,
    withdrawn_at            TIMESTAMPTZ,
    withdrawn_by            VARCHAR(200),
    withdrawal_reason       VARCHAR(1000),
    version                 BIGINT        NOT NULL
);
CREATE INDEX consent_record ON consent (record_id);

CREATE TABLE consent_aud (
    id                          UUID         NOT NULL,
    rev                         BIGINT       NOT NULL REFERENCES audit_revision (id),
    revtype                     SMALLINT,
    record_id                   UUID,
    record_id_mod               BOOLEAN,
    holder_agency               VARCHAR(40),
    holder_agency_mod           BOOLEAN,
    recipients                  JSONB,
    recipients_mod              BOOLEAN,
    purposes                    JSONB,
    purposes_mod                BOOLEAN,
    categories                  JSONB,
    categories_mod              BOOLEAN,
    valid_from                  DATE,
    valid_from_mod              BOOLEAN,
    valid_until                 DATE,
    valid_until_mod             BOOLEAN,
    given_by                    VARCHAR(10),
    given_by_mod                BOOLEAN,
    informed_in_language        VARCHAR(3),
    informed_in_language_mod    BOOLEAN,
    interpreter_present         BOOLEAN,
    interpreter_present_mod     BOOLEAN,
    evidence_ref                VARCHAR(64),
    evidence_ref_mod            BOOLEAN,
    recorded_by                 VARCHAR(200),
    recorded_by_mod             BOOLEAN,
    recorded_at                 TIMESTAMPTZ,
    recorded_at_mod             BOOLEAN,
    withdrawn_at                TIMESTAMPTZ,
    withdrawn_at_mod            BOOLEAN,
    withdrawn_by                VARCHAR(200),
    withdrawn_by_mod            BOOLEAN,
    withdrawal_reason           VARCHAR(1000),
    withdrawal_reason_mod       BOOLEAN,
    PRIMARY KEY (id, rev)
);
CREATE INDEX consent_aud_record ON consent_aud (record_id);

-- The access log (ARCHITECTURE.md §9): one row per read, change or refusal concerning personal
-- data, written in the transaction of the read or change. Append-only: the application inserts and
-- never updates or deletes. A later migration adds the hash chain (previous_hash, own_hash), a
-- database role without UPDATE/DELETE and a trigger refusing both; bigserial ids give the order.
CREATE TABLE access_log (
    id              BIGSERIAL     PRIMARY KEY,
    occurred_at     TIMESTAMPTZ   NOT NULL,
    actor           VARCHAR(200)  NOT NULL,
    agency          VARCHAR(40),
    node_id         VARCHAR(31)   NOT NULL,
    action          VARCHAR(40)   NOT NULL,
    record_id       UUID,
    outcome         VARCHAR(20)   NOT NULL,
    reason_codes    VARCHAR(500)
);
CREATE INDEX access_log_record ON access_log (record_id, id);
CREATE INDEX access_log_occurred_at ON access_log (occurred_at);
