package org.regionalexchange.gateway.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.regionalexchange.policy.model.Sha256;

/**
 * One row of {@code access_log} as stored, and its place in its lane's hash chain. The database
 * chains each row as it is inserted (migrations V22, V29). A row has one of two canonical forms
 * (docs/dpo-guide.md "Canonical forms"), named by {@code canonicalVersion}:
 * <ul>
 * <li>1: {@link #canonical()}, the whole row with the previous hash first (the database function
 * {@code access_log_canonical}); {@code hash} is the SHA-256 of it;</li>
 * <li>2: {@link #contentCanonical()}, the event's fields without id and previous hash, whose SHA-256
 * the application supplies as {@code contentDigest}; {@code hash} is the SHA-256 of
 * {@link #link()}, which seals the previous hash, the id and that digest.</li>
 * </ul>
 * Everything is computed here independently of the database, for the verifier; a version-2 row's
 * stored {@code contentDigest} is never trusted but recomputed from its fields
 * ({@link #computeContentDigest()}).
 */
public record StoredEvent(long id, Instant occurredAt, String nodeId, String actor, String agency, String action,
        UUID recordId, String outcome, String reasonCodes, UUID requestId, String counterpartNode,
        String counterpartParty, String holderAgency, String purpose, String categories, String justification,
        String justificationFingerprint, String requestDigest, String responseDigest, String prevHash, String hash,
        int lane, int canonicalVersion, String contentDigest) {

    /** The hash before the first row of a node's chain. */
    public static final String GENESIS = "0".repeat(64);

    static final String COLUMNS = """
            id, occurred_at, node_id, actor, agency, action, record_id, outcome, reason_codes, request_id,
            counterpart_node, counterpart_party, holder_agency, purpose, categories, justification,
            justification_fingerprint, request_digest, response_digest, prev_hash, hash, lane,
            canonical_version, content_digest""";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /**
     * {@code occurredAt} as the canonical forms write it, {@code uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'} in
     * UTC: written digit by digit for the years 0 to 9999 (every append writes one; the formatter
     * costs several times more), by the formatter for any other.
     */
    static String time(Instant occurredAt) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(occurredAt.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return TIME.format(occurredAt);
        }
        char[] out = new char[27];
        digits(out, 0, year, 4);
        out[4] = '-';
        digits(out, 5, t.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, t.getDayOfMonth(), 2);
        out[10] = 'T';
        digits(out, 11, t.getHour(), 2);
        out[13] = ':';
        digits(out, 14, t.getMinute(), 2);
        out[16] = ':';
        digits(out, 17, t.getSecond(), 2);
        out[19] = '.';
        digits(out, 20, occurredAt.getNano() / 1000, 6);
        out[26] = 'Z';
        return new String(out);
    }

    /** {@code value} in {@code width} decimal digits from {@code at}, zeros first. */
    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** Version 1, the whole row: {@code access-log-v1}, then one {@code name=length:value} line per field. */
    public String canonical() {
        StringBuilder out = new StringBuilder(1024).append("access-log-v1\n");
        field(out, "prev_hash", prevHash);
        field(out, "id", Long.toString(id));
        return eventFields(out);
    }

    /** Version 2, the event's content: {@code access-log-content-v2}, then the lines of v1 after {@code id}. */
    public String contentCanonical() {
        return eventFields(new StringBuilder(1024).append("access-log-content-v2\n"));
    }

    /** Version 2, what the hash seals: the version, the previous hash, the id and the content digest. */
    public String link() {
        return "access-log-v2\nprev_hash=" + prevHash + "\nid=" + id + "\ncontent_digest=" + contentDigest + "\n";
    }

    private String eventFields(StringBuilder out) {
        field(out, "occurred_at", time(occurredAt));
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

    /** Lower-case hex SHA-256 of the content of version 2, recomputed from the fields. */
    public String computeContentDigest() {
        return sha256(contentCanonical());
    }

    /**
     * The hash this row must have by its version: of {@link #canonical()} (1) or of {@link #link()}
     * (2, with the stored content digest; compare that with {@link #computeContentDigest()} too).
     *
     * @throws IllegalStateException for a version this code does not know
     */
    public String computeHash() {
        return switch (canonicalVersion) {
            case 1 -> sha256(canonical());
            case 2 -> sha256(link());
            default -> throw new IllegalStateException("unknown canonical version " + canonicalVersion);
        };
    }

    static String sha256(String text) {
        return Sha256.hex(text);
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(name).append('=');
        if (value == null) {
            out.append('-');
        } else {
            out.append(utf8Length(value)).append(':').append(value);
        }
        out.append('\n');
    }

    /** The number of bytes of {@code value} in UTF-8 (an unpaired surrogate is one byte, {@code ?}, as Java encodes it). */
    static int utf8Length(String value) {
        int bytes = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes += 1;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    static StoredEvent map(ResultSet rs, int row) throws SQLException {
        return new StoredEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("node_id"),
                rs.getString("actor"), rs.getString("agency"), rs.getString("action"),
                rs.getObject("record_id", UUID.class), rs.getString("outcome"), rs.getString("reason_codes"),
                rs.getObject("request_id", UUID.class), rs.getString("counterpart_node"),
                rs.getString("counterpart_party"), rs.getString("holder_agency"), rs.getString("purpose"),
                rs.getString("categories"), rs.getString("justification"), rs.getString("justification_fingerprint"),
                rs.getString("request_digest"), rs.getString("response_digest"), rs.getString("prev_hash"),
                rs.getString("hash"), rs.getInt("lane"), rs.getInt("canonical_version"),
                rs.getString("content_digest"));
    }
}
