-- The revision of the agreement table, for the node's copy of the agreements as the policy reads them
-- (docs/performance.md P1). Every decision asks whether the agreements changed; until now the answer
-- was a digest of every row's text, computed per decision (md5 over the whole table, ~10% of the
-- holder's CPU). Now any change to the table - by the admin API, the deployment file, another replica
-- or by hand - moves this one row's counter forward in the same transaction (a statement-level
-- trigger, also for TRUNCATE), and a decision reads the counter by its key. The trigger function runs
-- as the schema owner, so the application role may read the counter but not move it back or hold it.
CREATE TABLE agreement_revision (
    id       SMALLINT PRIMARY KEY CHECK (id = 1),
    revision BIGINT   NOT NULL
);
INSERT INTO agreement_revision (id, revision) VALUES (1, 1);

CREATE FUNCTION agreement_revision_next() RETURNS TRIGGER
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    UPDATE agreement_revision SET revision = revision + 1 WHERE id = 1;
    RETURN NULL;
END $$;

CREATE TRIGGER agreement_revision_next AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agreement
    FOR EACH STATEMENT EXECUTE FUNCTION agreement_revision_next();

REVOKE ALL ON agreement_revision FROM ${app_role};
GRANT SELECT ON agreement_revision TO ${app_role};
REVOKE ALL ON FUNCTION agreement_revision_next() FROM PUBLIC;
