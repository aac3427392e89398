-- A second canonical form of an access-log row (access-log-v2, QUALITY.md P4; defined in
-- docs/dpo-guide.md "Canonical forms"): the application supplies the digest of the row's content,
-- and the trigger only links it into the row's lane:
--
--   content_digest = hex SHA-256 of "access-log-content-v2\n" and the event's fields, encoded as in
--                    v1 but without prev_hash and id (the application cannot know them yet);
--   hash           = hex SHA-256 of "access-log-v2\nprev_hash=<prev_hash>\nid=<id>\ncontent_digest=<content_digest>\n".
--
-- Building the v1 text in PL/pgSQL was about half of the trigger's cost per append. The trigger
-- does not (and could not usefully) check the digest against the row: the application role could
-- supply any digest. Every verifier recomputes the content digest from the row's fields and
-- compares it (problem content_digest_mismatch), so a digest that does not match its row is found
-- exactly like a row changed later. id and prev_hash stay sealed by the trigger, as in v1.
--
-- Rows written so far are version 1 and keep their hashes. A row inserted without a content digest
-- (by a DBA, a tool, an older application) is chained as version 1, as before.

ALTER TABLE access_log
    ADD COLUMN canonical_version SMALLINT NOT NULL DEFAULT 1,
    ADD COLUMN content_digest CHAR(64),
    ADD CONSTRAINT access_log_canonical_version CHECK (
        (canonical_version = 1 AND content_digest IS NULL)
        OR (canonical_version = 2 AND content_digest IS NOT NULL)),
    ADD CONSTRAINT access_log_content_digest_hex CHECK (content_digest ~ '^[0-9a-f]{64}$');

-- The v2 content text, for the DBA and for checks beside the Java verifier (same output as
-- StoredEvent.contentCanonical()); the trigger never calls it.
CREATE FUNCTION access_log_content_canonical(r access_log) RETURNS TEXT
    LANGUAGE plpgsql STABLE AS $$
DECLARE
    names CONSTANT TEXT[] := '{occurred_at,node_id,actor,agency,action,record_id,outcome,reason_codes,'
        'request_id,counterpart_node,counterpart_party,holder_agency,purpose,categories,justification,'
        'justification_fingerprint,request_digest,response_digest}';
    vals TEXT[] := ARRAY[to_char(r.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), r.node_id,
        r.actor, r.agency, r.action, r.record_id::TEXT, r.outcome, r.reason_codes, r.request_id::TEXT,
        r.counterpart_node, r.counterpart_party, r.holder_agency, r.purpose, r.categories, r.justification,
        r.justification_fingerprint, r.request_digest, r.response_digest];
    out TEXT := E'access-log-content-v2\n';
BEGIN
    FOR i IN 1 .. 18 LOOP
        out := out || names[i] || '=' || COALESCE(octet_length(vals[i])::TEXT || ':' || vals[i], '-') || E'\n';
    END LOOP;
    RETURN out;
END $$;

CREATE FUNCTION access_log_content_digest(r access_log) RETURNS TEXT
    LANGUAGE sql STABLE AS $$
    SELECT encode(sha256(convert_to(access_log_content_canonical(r), 'UTF8')), 'hex')
$$;

-- The hash a row must have by its version (what the Java verifier checks), for the DBA:
--   SELECT id FROM access_log a WHERE hash <> access_log_hash(a)
--       OR content_digest <> access_log_content_digest(a);
CREATE FUNCTION access_log_hash(r access_log) RETURNS TEXT
    LANGUAGE sql STABLE AS $$
    SELECT encode(sha256(convert_to(CASE r.canonical_version
        WHEN 1 THEN access_log_canonical(r)
        WHEN 2 THEN E'access-log-v2\nprev_hash=' || r.prev_hash || E'\nid=' || r.id || E'\ncontent_digest='
            || r.content_digest || E'\n'
        END, 'UTF8')), 'hex')
$$;

-- As V22's trigger, except for the hash: version 2 when the inserting statement supplied a content
-- digest, version 1 (the whole canonical text, computed here) when it did not. Few expressions on
-- purpose: PostgreSQL prepares them anew in every transaction.
CREATE OR REPLACE FUNCTION access_log_chain() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
DECLARE
    head access_log_lane;
BEGIN
    -- The first lane nobody else holds (a lane this transaction already holds counts as free).
    SELECT * INTO head FROM access_log_lane ORDER BY lane LIMIT 1 FOR UPDATE SKIP LOCKED;
    IF NOT FOUND THEN
        -- Every lane is busy: wait for one.
        SELECT * INTO head FROM access_log_lane WHERE lane = floor(random() * 16)::SMALLINT FOR UPDATE;
    END IF;
    -- The id is drawn while the lane is held, so ids grow along each lane.
    NEW.id := nextval('access_log_id_seq');
    NEW.lane := head.lane;
    NEW.prev_hash := head.last_hash;
    IF NEW.content_digest IS NULL THEN
        NEW.canonical_version := 1;
        NEW.hash := encode(sha256(convert_to(access_log_canonical(NEW), 'UTF8')), 'hex');
    ELSE
        NEW.canonical_version := 2;
        NEW.hash := encode(sha256(convert_to(E'access-log-v2\nprev_hash=' || head.last_hash || E'\nid=' || NEW.id
            || E'\ncontent_digest=' || NEW.content_digest || E'\n', 'UTF8')), 'hex');
    END IF;
    UPDATE access_log_lane SET last_id = NEW.id, last_hash = NEW.hash, events = events + 1
        WHERE lane = head.lane;
    RETURN NEW;
END $$;
