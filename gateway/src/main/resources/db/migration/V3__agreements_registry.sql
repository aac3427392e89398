-- Data-sharing agreements between two parties (ARCHITECTURE.md §2): purposes and the categories
-- each purpose covers, validity. Loaded from the deployment file or managed by an admin.
CREATE TABLE agreement (
    agreement_id    VARCHAR(64)  PRIMARY KEY,
    parties         JSONB        NOT NULL,
    purposes        JSONB        NOT NULL,
    valid_from      DATE         NOT NULL,
    valid_until     DATE,
    source          VARCHAR(10)  NOT NULL,
    version         BIGINT       NOT NULL
);

CREATE TABLE agreement_aud (
    agreement_id    VARCHAR(64)  NOT NULL,
    rev             BIGINT       NOT NULL REFERENCES audit_revision (id),
    revtype         SMALLINT,
    parties         JSONB,
    parties_mod     BOOLEAN,
    purposes        JSONB,
    purposes_mod    BOOLEAN,
    valid_from      DATE,
    valid_from_mod  BOOLEAN,
    valid_until     DATE,
    valid_until_mod BOOLEAN,
    source          VARCHAR(10),
    source_mod      BOOLEAN,
    PRIMARY KEY (agreement_id, rev)
);

-- The participant registry as persisted from the registry file at start-up: a change in the file
-- becomes a new Envers revision. ParticipantRegistry (in memory) stays the read API.
CREATE TABLE registry_node (
    id              VARCHAR(31)  PRIMARY KEY,
    country         VARCHAR(2),
    organization    VARCHAR(16),
    base_url        VARCHAR(500) NOT NULL,
    public_keys     JSONB        NOT NULL
);

CREATE TABLE registry_node_aud (
    id                  VARCHAR(31)  NOT NULL,
    rev                 BIGINT       NOT NULL REFERENCES audit_revision (id),
    revtype             SMALLINT,
    country             VARCHAR(2),
    country_mod         BOOLEAN,
    organization        VARCHAR(16),
    organization_mod    BOOLEAN,
    base_url            VARCHAR(500),
    base_url_mod        BOOLEAN,
    public_keys         JSONB,
    public_keys_mod     BOOLEAN,
    PRIMARY KEY (id, rev)
);

CREATE TABLE registry_agency (
    id              VARCHAR(40)  PRIMARY KEY,
    node_id         VARCHAR(31)  NOT NULL,
    organization    VARCHAR(16),
    name            VARCHAR(300) NOT NULL,
    functions       JSONB        NOT NULL,
    contact         JSONB        NOT NULL
);

CREATE TABLE registry_agency_aud (
    id                  VARCHAR(40)  NOT NULL,
    rev                 BIGINT       NOT NULL REFERENCES audit_revision (id),
    revtype             SMALLINT,
    node_id             VARCHAR(31),
    node_id_mod         BOOLEAN,
    organization        VARCHAR(16),
    organization_mod    BOOLEAN,
    name                VARCHAR(300),
    name_mod            BOOLEAN,
    functions           JSONB,
    functions_mod       BOOLEAN,
    contact             JSONB,
    contact_mod         BOOLEAN,
    PRIMARY KEY (id, rev)
);
