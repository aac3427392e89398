package org.regionalexchange.gateway.records;

import java.net.URI;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.regionalexchange.gateway.audit.CorrelationIds;
import org.regionalexchange.gateway.audit.RevisionContext;
import org.regionalexchange.gateway.security.Officer;
import org.regionalexchange.gateway.validation.SchemaBody;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/records}: a registrar creates, reads and updates its own agency's records (role
 * {@code registrar} is checked by the security table; the agency here). An optional
 * {@code X-Change-Reason} header is kept as the reason of the Envers revision; the record's
 * {@code version} is its ETag, and a PUT with {@code If-Match} changes only that version.
 */
@RestController
@RequestMapping("/api/v1/records")
class RecordController {

    static final String CHANGE_REASON = "X-Change-Reason";

    private final RecordService records;

    RecordController(RecordService records) {
        this.records = records;
    }

    @PostMapping
    ResponseEntity<Created> create(@SchemaBody("record") JsonNode body, @AuthenticationPrincipal Officer officer,
            HttpServletRequest request) {
        UUID id = RevisionContext.with(reason(request, "record created"), CorrelationIds.of(request),
                () -> records.register(officer, body));
        return ResponseEntity.created(URI.create("/api/v1/records/" + id)).body(new Created(id));
    }

    @GetMapping("/{id}")
    ResponseEntity<JsonNode> read(@PathVariable UUID id, @AuthenticationPrincipal Officer officer) {
        return tagged(records.read(officer, id));
    }

    /** With {@code If-Match: "<version>"} (the record's ETag), a record changed since is {@code 409 conflict}. */
    @PutMapping("/{id}")
    ResponseEntity<JsonNode> update(@PathVariable UUID id, @SchemaBody("record") JsonNode body,
            @AuthenticationPrincipal Officer officer, HttpServletRequest request) {
        Long expected = RecordVersions.ifMatch(request.getHeader(HttpHeaders.IF_MATCH));
        return tagged(RevisionContext.with(reason(request, "record updated"), CorrelationIds.of(request),
                () -> records.update(officer, id, body, expected)));
    }

    private static ResponseEntity<JsonNode> tagged(JsonNode record) {
        return ResponseEntity.ok().eTag(RecordVersions.etag(record.path("version").asLong())).body(record);
    }

    /** The officer's reason from the header (trimmed, at most 1000 characters), or the default. */
    static String reason(HttpServletRequest request, String fallback) {
        String given = request.getHeader(CHANGE_REASON);
        if (given == null || given.isBlank()) {
            return fallback;
        }
        String trimmed = given.strip();
        return trimmed.length() > 1000 ? trimmed.substring(0, 1000) : trimmed;
    }

    record Created(UUID id) {
    }
}
