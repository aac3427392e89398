-- Envers revisions (ARCHITECTURE.md §4 and §9): every change to an audited entity is one revision
-- that records who acted, for which agency, on which node, and why (a reason or a request id).
CREATE SEQUENCE audit_revision_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE audit_revision (
    id              BIGINT       PRIMARY KEY,
    revised_at      TIMESTAMPTZ  NOT NULL,
    actor           VARCHAR(200) NOT NULL,
    agency          VARCHAR(40),
    node_id         VARCHAR(31)  NOT NULL,
    reason          VARCHAR(1000),
    correlation_id  VARCHAR(100)
);

CREATE INDEX audit_revision_revised_at ON audit_revision (revised_at);
