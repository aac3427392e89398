-- The access log becomes tamper-evident and append-only (ARCHITECTURE.md §9, QUALITY.md R6).
-- Migrations run as the schema owner; the application connects as the role ${app_role}, which
-- this migration grants what the application needs and no more. A table added by a later
-- migration must grant ${app_role} its privileges explicitly (no default privileges on purpose:
-- an append-only table must never become writable by accident).

-- 1. What ARCHITECTURE.md §9 lists besides what V2 has: the exchange a row belongs to, the other
--    party (node and its country or organization), the holder agency concerned, purpose,
--    justification (personal data: the access log is built for it), the categories released,
--    the digests of the request and response envelopes, and the chain.
ALTER TABLE access_log
    ADD COLUMN request_id                UUID,
    ADD COLUMN counterpart_node          VARCHAR(31),
    ADD COLUMN counterpart_party         VARCHAR(16),
    ADD COLUMN holder_agency             VARCHAR(40),
    ADD COLUMN purpose                   VARCHAR(40),
    ADD COLUMN categories                VARCHAR(200),
    ADD COLUMN justification             VARCHAR(4000),
    ADD COLUMN justification_fingerprint VARCHAR(64),
    ADD COLUMN request_digest            VARCHAR(43),
    ADD COLUMN response_digest           VARCHAR(43),
    ADD COLUMN prev_hash                 CHAR(64),
    ADD COLUMN hash                      CHAR(64);

-- 2. The canonical content of a row (docs/dpo-guide.md "Recomputing the chain"): one line per
--    field, in this order, "name=" then the UTF-8 byte length, ":" and the value, or "name=-"
--    for null; times in UTC with microseconds. hash = lower-case hex SHA-256 of its UTF-8 bytes.
--    The application computes the same in Java (audit.CanonicalEvent); this function is for the
--    DBA and for the migration of rows written before the chain existed.
CREATE FUNCTION access_log_field(name TEXT, value TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE AS $$
    SELECT name || '=' || COALESCE(octet_length(value)::TEXT || ':' || value, '-') || E'\n'
$$;

CREATE FUNCTION access_log_canonical(r access_log) RETURNS TEXT
    LANGUAGE sql STABLE AS $$
    SELECT 'access-log-v1' || E'\n'
        || access_log_field('prev_hash', r.prev_hash)
        || access_log_field('id', r.id::TEXT)
        || access_log_field('occurred_at', to_char(r.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
        || access_log_field('node_id', r.node_id)
        || access_log_field('actor', r.actor)
        || access_log_field('agency', r.agency)
        || access_log_field('action', r.action)
        || access_log_field('record_id', r.record_id::TEXT)
        || access_log_field('outcome', r.outcome)
        || access_log_field('reason_codes', r.reason_codes)
        || access_log_field('request_id', r.request_id::TEXT)
        || access_log_field('counterpart_node', r.counterpart_node)
        || access_log_field('counterpart_party', r.counterpart_party)
        || access_log_field('holder_agency', r.holder_agency)
        || access_log_field('purpose', r.purpose)
        || access_log_field('categories', r.categories)
        || access_log_field('justification', r.justification)
        || access_log_field('justification_fingerprint', r.justification_fingerprint)
        || access_log_field('request_digest', r.request_digest)
        || access_log_field('response_digest', r.response_digest)
$$;

-- 3. The chain head: one row, locked FOR UPDATE by every appending transaction until it commits,
--    so that appends of all replicas of the node are serialized and ids follow the chain.
CREATE TABLE access_log_head (
    singleton   BOOLEAN     PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    last_id     BIGINT      NOT NULL,
    last_hash   CHAR(64)    NOT NULL,
    events      BIGINT      NOT NULL
);

-- 4. Rows written before this migration join the chain in id order; the genesis hash is 64 zeros.
DO $$
DECLARE
    r access_log;
    previous TEXT := repeat('0', 64);
    n BIGINT := 0;
    last BIGINT := 0;
BEGIN
    FOR r IN SELECT * FROM access_log ORDER BY id LOOP
        r.prev_hash := previous;
        previous := encode(sha256(convert_to(access_log_canonical(r), 'UTF8')), 'hex');
        UPDATE access_log SET prev_hash = r.prev_hash, hash = previous WHERE id = r.id;
        n := n + 1;
        last := r.id;
    END LOOP;
    INSERT INTO access_log_head (singleton, last_id, last_hash, events) VALUES (TRUE, last, previous, n);
END $$;

ALTER TABLE access_log ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN hash SET NOT NULL;

-- 5. Append-only for everyone, the owner included: updates, deletes and truncation are refused.
--    (A superuser can still disable the trigger; that is what the verifier is for.)
CREATE FUNCTION access_log_append_only() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'access_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER access_log_no_update_or_delete BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION access_log_append_only();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only();

-- 6. Indexes for the DPO's searches (QUALITY.md P5): by record (V2), by agency and time, by
--    actor and time, by request, by action and time (alerts).
CREATE INDEX access_log_agency_occurred_at ON access_log (agency, occurred_at);
CREATE INDEX access_log_actor_occurred_at ON access_log (actor, occurred_at);
CREATE INDEX access_log_request ON access_log (request_id) WHERE request_id IS NOT NULL;
CREATE INDEX access_log_action_occurred_at ON access_log (action, occurred_at);

-- 7. The application's role: full DML on business tables, INSERT and SELECT only on the log,
--    SELECT and UPDATE on the head (SELECT ... FOR UPDATE needs UPDATE; the verifier checks that
--    the head agrees with the log), nothing on Flyway's history.
GRANT USAGE ON SCHEMA public TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app_role};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app_role};
REVOKE ALL ON access_log FROM ${app_role};
GRANT SELECT, INSERT ON access_log TO ${app_role};
REVOKE ALL ON access_log_head FROM ${app_role};
GRANT SELECT, UPDATE ON access_log_head TO ${app_role};
REVOKE ALL ON flyway_schema_history FROM ${app_role};
