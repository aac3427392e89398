package org.regionalexchange.gateway.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * The CSV form of access-log events (RFC 4180: comma separated, CRLF lines, fields quoted when
 * they hold a comma, quote or line break, quotes doubled). A field that a spreadsheet would run as
 * a formula (starting with {@code = + - @}, tab or carriage return) is prefixed with {@code '}.
 */
final class Csv {

    static final String HEADER = "id,occurred_at,node_id,actor,agency,action,record_id,outcome,reason_codes,request_id,"
            + "counterpart_node,counterpart_party,holder_agency,purpose,categories,justification,"
            + "justification_fingerprint,request_digest,response_digest,prev_hash,hash,lane,canonical_version,content_digest\r\n";

    private Csv() {
    }

    static String line(StoredEvent e) {
        List<String> fields = new ArrayList<>();
        fields.add(Long.toString(e.id()));
        fields.add(e.occurredAt().toString());
        fields.add(e.nodeId());
        fields.add(e.actor());
        fields.add(e.agency());
        fields.add(e.action());
        fields.add(e.recordId() == null ? null : e.recordId().toString());
        fields.add(e.outcome());
        fields.add(e.reasonCodes());
        fields.add(e.requestId() == null ? null : e.requestId().toString());
        fields.add(e.counterpartNode());
        fields.add(e.counterpartParty());
        fields.add(e.holderAgency());
        fields.add(e.purpose());
        fields.add(e.categories());
        fields.add(e.justification());
        fields.add(e.justificationFingerprint());
        fields.add(e.requestDigest());
        fields.add(e.responseDigest());
        fields.add(e.prevHash());
        fields.add(e.hash());
        fields.add(Integer.toString(e.lane()));
        fields.add(Integer.toString(e.canonicalVersion()));
        fields.add(e.contentDigest());
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        return out.append("\r\n").toString();
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
