-- Screening interviews at the border (ARCHITECTURE.md §11): one row per interview recorded by a
-- screener of an agency of this node. The interview is personal data of the SCREENING category
-- (confidential, consent always): it is read only by the screener's agency and leaves only in a
-- referral that carries it. The indicators, priority and suggestions are computed from it by the
-- policy module on every read, never stored or typed. Audited like records (Envers).
CREATE TABLE screening (
    id                      UUID          PRIMARY KEY,
    agency                  VARCHAR(40)   NOT NULL,
    screener                VARCHAR(200)  NOT NULL,
    place                   VARCHAR(60)   NOT NULL,
    interviewed_at          TIMESTAMPTZ   NOT NULL,
    questionnaire_id        VARCHAR(40)   NOT NULL,
    questionnaire_version   INTEGER       NOT NULL,
    interview               JSONB         NOT NULL,
    created_at              TIMESTAMPTZ   NOT NULL,
    version                 BIGINT        NOT NULL
);
CREATE INDEX screening_agency ON screening (agency, interviewed_at);

CREATE TABLE screening_aud (
    id                      UUID          NOT NULL,
    rev                     BIGINT        NOT NULL REFERENCES audit_revision (id),
    revtype                 SMALLINT,
    agency                  VARCHAR(40),
    screener                VARCHAR(200),
    place                   VARCHAR(60),
    interviewed_at          TIMESTAMPTZ,
    questionnaire_id        VARCHAR(40),
    questionnaire_version   INTEGER,
    interview               JSONB,
    PRIMARY KEY (id, rev)
);

-- The application's role (V20, V25): full DML on the table, append-only on its history.
GRANT SELECT, INSERT, UPDATE, DELETE ON screening TO ${app_role};
GRANT SELECT, INSERT ON screening_aud TO ${app_role};
