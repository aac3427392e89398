-- Benchmark only (bench/holder-throughput, docs/performance.md P1), applied by the benchmark application
-- (spring.flyway.locations adds classpath:db/bench), never by a node: a table shaped like the
-- access log (its columns and indexes) without the chain's columns, head or triggers, into which
-- the variants V0-V3 write one plain row per request.
CREATE TABLE bench_access_log (
    id                        BIGSERIAL     PRIMARY KEY,
    occurred_at               TIMESTAMPTZ   NOT NULL,
    actor                     VARCHAR(200)  NOT NULL,
    agency                    VARCHAR(40),
    node_id                   VARCHAR(31)   NOT NULL,
    action                    VARCHAR(40)   NOT NULL,
    record_id                 UUID,
    outcome                   VARCHAR(20)   NOT NULL,
    reason_codes              VARCHAR(500),
    request_id                UUID,
    counterpart_node          VARCHAR(31),
    counterpart_party         VARCHAR(16),
    holder_agency             VARCHAR(40),
    purpose                   VARCHAR(40),
    categories                VARCHAR(200),
    justification             VARCHAR(4000),
    justification_fingerprint VARCHAR(64),
    request_digest            VARCHAR(43),
    response_digest           VARCHAR(43)
);
CREATE INDEX bench_access_log_record ON bench_access_log (record_id, id);
CREATE INDEX bench_access_log_occurred_at ON bench_access_log (occurred_at);
CREATE INDEX bench_access_log_agency_occurred_at ON bench_access_log (agency, occurred_at);
CREATE INDEX bench_access_log_actor_occurred_at ON bench_access_log (actor, occurred_at);
CREATE INDEX bench_access_log_request ON bench_access_log (request_id) WHERE request_id IS NOT NULL;
CREATE INDEX bench_access_log_action_occurred_at ON bench_access_log (action, occurred_at);

GRANT SELECT, INSERT ON bench_access_log TO ${app_role};
GRANT USAGE, SELECT ON SEQUENCE bench_access_log_id_seq TO ${app_role};
