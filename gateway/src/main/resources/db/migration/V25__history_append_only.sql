-- The Envers history becomes append-only for the application, as the access log is (QUALITY.md R6,
-- ARCHITECTURE.md §9): a revision says who changed a record, a consent, an agreement or the
-- registry, when and why, and a node that could rewrite or remove it could deny a change. V20
-- granted ${app_role} full DML on every table; here the revision table and every *_aud table keep
-- SELECT (the DPO's history view) and INSERT (Envers writes one row per change) and lose the rest.
-- audit.AppendOnlyCheck refuses to start a node whose role could still change them, so an audited
-- table added by a later migration must grant ${app_role} SELECT and INSERT only.
DO $$
DECLARE
    history RECORD;
BEGIN
    FOR history IN
        SELECT tablename FROM pg_tables
        WHERE schemaname = current_schema() AND (tablename = 'audit_revision' OR tablename LIKE '%\_aud')
    LOOP
        EXECUTE format('REVOKE ALL ON TABLE %I FROM %s', history.tablename, '${app_role}');
        EXECUTE format('GRANT SELECT, INSERT ON TABLE %I TO %s', history.tablename, '${app_role}');
    END LOOP;
END $$;

-- Revision numbers: drawn (nextval needs USAGE), never set back (setval would need UPDATE).
REVOKE ALL ON SEQUENCE audit_revision_seq FROM ${app_role};
GRANT USAGE, SELECT ON SEQUENCE audit_revision_seq TO ${app_role};
