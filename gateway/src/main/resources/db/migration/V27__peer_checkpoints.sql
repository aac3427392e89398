-- The checkpoints this node received from its peers (docs/security.md "Evidence a superuser cannot
-- quietly rewrite"). At every gossip round a node asks each peer for its latest signed checkpoint
-- of its access log and the hashes its log has now at the positions of the peer's checkpoint that
-- this node already holds; it keeps what it received here, append-only, and the DPO is alerted
-- when a peer's new statement does not extend its earlier one. A row holds node ids, times, lane
-- positions, hashes and signatures: no personal data.
CREATE TABLE peer_checkpoint (
    id              BIGSERIAL     PRIMARY KEY,
    peer_node       VARCHAR(31)   NOT NULL,
    received_at     TIMESTAMPTZ   NOT NULL,
    -- the peer's signed checkpoint (JWS, typ gateway-checkpoint+jwt); null when the peer's chain
    -- did not verify and it signed none
    checkpoint      TEXT,
    signed_at       TIMESTAMPTZ,
    head_event_id   BIGINT,
    -- true when it extends the latest consistent checkpoint held of the peer; a false row is an
    -- alert, and the first lane and event where the peer's statements disagree
    consistent      BOOLEAN       NOT NULL,
    problem         VARCHAR(40),
    lane            SMALLINT      CHECK (lane BETWEEN 0 AND 15),
    event_id        BIGINT,
    -- the peer's whole signed answer (JWS, typ gateway-checkpoint-answer+jwt): with the earlier
    -- checkpoint, the proof that the peer's node signed two statements that do not agree
    answer          TEXT          NOT NULL,
    CHECK (consistent = (problem IS NULL)),
    CHECK (NOT consistent OR checkpoint IS NOT NULL)
);
CREATE INDEX peer_checkpoint_peer ON peer_checkpoint (peer_node, id);
CREATE INDEX peer_checkpoint_inconsistent ON peer_checkpoint (peer_node, received_at) WHERE NOT consistent;

-- Append-only, as the access log (V20): the application's role may only add and read, and even
-- the owner is stopped by a trigger.
CREATE FUNCTION peer_checkpoint_append_only() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'peer_checkpoint is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER peer_checkpoint_no_update_or_delete BEFORE UPDATE OR DELETE ON peer_checkpoint
    FOR EACH ROW EXECUTE FUNCTION peer_checkpoint_append_only();
CREATE TRIGGER peer_checkpoint_no_truncate BEFORE TRUNCATE ON peer_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION peer_checkpoint_append_only();

REVOKE ALL ON peer_checkpoint FROM ${app_role};
GRANT SELECT, INSERT ON peer_checkpoint TO ${app_role};
GRANT USAGE, SELECT ON SEQUENCE peer_checkpoint_id_seq TO ${app_role};
