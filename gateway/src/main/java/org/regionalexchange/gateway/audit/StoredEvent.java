package org.regionalexchange.gateway.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.UUID;

/**
 * One row of {@code access_log} as stored, and its place in its lane's hash chain. The database
 * chains each row as it is inserted (migration V22); {@link #canonical()} is the documented
 * canonical content (docs/dpo-guide.md; the same as the database function
 * {@code access_log_canonical}) and {@link #computeHash()} the lower-case hex SHA-256 of it,
 * computed here independently of the database for the verifier. The previous row's hash in the
 * same lane is the first field, so each hash seals the whole lane before it.
 */
public record StoredEvent(long id, Instant occurredAt, String nodeId, String actor, String agency, String action,
        UUID recordId, String outcome, String reasonCodes, UUID requestId, String counterpartNode,
        String counterpartParty, String holderAgency, String purpose, String categories, String justification,
        String justificationFingerprint, String requestDigest, String responseDigest, String prevHash, String hash,
        int lane) {

    /** The hash before the first row of a node's chain. */
    public static final String GENESIS = "0".repeat(64);

    static final String COLUMNS = """
            id, occurred_at, node_id, actor, agency, action, record_id, outcome, reason_codes, request_id,
            counterpart_node, counterpart_party, holder_agency, purpose, categories, justification,
            justification_fingerprint, request_digest, response_digest, prev_hash, hash, lane""";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** The canonical content: {@code access-log-v1}, then one {@code name=length:value} line per field. */
    public String canonical() {
        StringBuilder out = new StringBuilder("access-log-v1\n");
        field(out, "prev_hash", prevHash);
        field(out, "id", Long.toString(id));
        field(out, "occurred_at", TIME.format(occurredAt));
        field(out, "node_id", nodeId);
        field(out, "actor", actor);
        field(out, "agency", agency);
        field(out, "action", action);
        field(out, "record_id", recordId == null ? null : recordId.toString());
        field(out, "outcome", outcome);
        field(out, "reason_codes", reasonCodes);
        field(out, "request_id", requestId == null ? null : requestId.toString());
        field(out, "counterpart_node", counterpartNode);
        field(out, "counterpart_party", counterpartParty);
        field(out, "holder_agency", holderAgency);
        field(out, "purpose", purpose);
        field(out, "categories", categories);
        field(out, "justification", justification);
        field(out, "justification_fingerprint", justificationFingerprint);
        field(out, "request_digest", requestDigest);
        field(out, "response_digest", responseDigest);
        return out.toString();
    }

    /** Lower-case hex SHA-256 of the UTF-8 canonical content. */
    public String computeHash() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonical().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(name).append('=');
        if (value == null) {
            out.append('-');
        } else {
            out.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value);
        }
        out.append('\n');
    }

    static StoredEvent map(ResultSet rs, int row) throws SQLException {
        return new StoredEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("node_id"),
                rs.getString("actor"), rs.getString("agency"), rs.getString("action"),
                rs.getObject("record_id", UUID.class), rs.getString("outcome"), rs.getString("reason_codes"),
                rs.getObject("request_id", UUID.class), rs.getString("counterpart_node"),
                rs.getString("counterpart_party"), rs.getString("holder_agency"), rs.getString("purpose"),
                rs.getString("categories"), rs.getString("justification"), rs.getString("justification_fingerprint"),
                rs.getString("request_digest"), rs.getString("response_digest"), rs.getString("prev_hash"),
                rs.getString("hash"), rs.getInt("lane"));
    }
}
