-- The console's sessions and sign-ins under way in the node's database, shared by every replica of
-- the node (docs/security.md, "The console"; docs/operations.md, "Replicas"): a person signed in on
-- one replica continues on another, and a restart signs no one out.

-- 1. Spring Session's JDBC layout (its schema-postgresql.sql) under the console's own names
--    (spring.session.jdbc.table-name = console_session). Spring Session never creates it
--    (initialize-schema: never). What a session holds: the signed-in person's identity, agency
--    and roles, the provider's tokens, the CSRF token, the language, the page to return to after
--    sign-in, and a refused form's fields until the page that shows them (flash attributes) —
--    never a record read through the console.
--    principal_name is the provider's subject of the person: up to 255 characters in OpenID Connect.
CREATE TABLE console_session (
    primary_id            CHAR(36)     NOT NULL,
    session_id            CHAR(36)     NOT NULL,
    creation_time         BIGINT       NOT NULL,
    last_access_time      BIGINT       NOT NULL,
    max_inactive_interval INT          NOT NULL,
    expiry_time           BIGINT       NOT NULL,
    principal_name        VARCHAR(255),
    CONSTRAINT console_session_pk PRIMARY KEY (primary_id)
);

CREATE UNIQUE INDEX console_session_ix1 ON console_session (session_id);
-- The clean-up of expired sessions (spring.session.jdbc.cleanup-cron) deletes by expiry time.
CREATE INDEX console_session_ix2 ON console_session (expiry_time);
CREATE INDEX console_session_ix3 ON console_session (principal_name);

CREATE TABLE console_session_attributes (
    session_primary_id CHAR(36)     NOT NULL,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    BYTEA        NOT NULL,
    CONSTRAINT console_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT console_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES console_session (primary_id) ON DELETE CASCADE
);

-- 2. Sign-ins under way (console.SignInRequests): the authorization request the provider's
--    callback is checked against, by its state, bound to the browser that began it by the SHA-256
--    of a value only that browser's cookie holds. A callback may reach another replica than the
--    one that sent the person to the provider. Used once, and never after expires_at.
CREATE TABLE console_sign_in (
    state          VARCHAR(200) PRIMARY KEY,
    binding_digest BYTEA        NOT NULL,
    request        BYTEA        NOT NULL,
    expires_at     TIMESTAMPTZ  NOT NULL
);

CREATE INDEX console_sign_in_expires ON console_sign_in (expires_at);

GRANT SELECT, INSERT, UPDATE, DELETE ON console_session, console_session_attributes, console_sign_in TO ${app_role};
