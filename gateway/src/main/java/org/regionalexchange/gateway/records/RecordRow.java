package org.regionalexchange.gateway.records;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.regionalexchange.gateway.validation.JsonText;
import org.regionalexchange.policy.model.Category;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A subject record's row read with plain SQL for the exchange (decision and release): one SELECT,
 * no entity, no persistence context, and each category's JSON parsed only when it is needed — the
 * policy's facts need IDENTITY, CLAIM and SPECIFIC_NEEDS; a release needs only what it releases.
 * Like {@link SubjectRecord}, the personal data is reachable only with a {@link PersonalDataAccess}
 * token, and {@link #toString()} prints the id only.
 */
final class RecordRow {

    private static final String SELECT = """
            select id, version, holder_record_ref, identity, case_status, claim, family, contact, specific_needs,
                protection_hold
            from subject_record where id = ?""";
    private static final String SELECT_ALL = SELECT.replace("where id = ?", "where id = any(cast(? as uuid[]))");

    private final UUID id;
    private final long version;
    private final String holderRecordRef;
    private final String identity;
    private final String caseStatus;
    private final String claim;
    private final String family;
    private final String contact;
    private final String specificNeeds;
    private final boolean protectionHold;

    private RecordRow(ResultSet rs) throws SQLException {
        this.id = rs.getObject("id", UUID.class);
        this.version = rs.getLong("version");
        this.holderRecordRef = rs.getString("holder_record_ref");
        this.identity = rs.getString("identity");
        this.caseStatus = rs.getString("case_status");
        this.claim = rs.getString("claim");
        this.family = rs.getString("family");
        this.contact = rs.getString("contact");
        this.specificNeeds = rs.getString("specific_needs");
        this.protectionHold = rs.getBoolean("protection_hold");
    }

    /** The record's row as the caller's transaction sees it now; null if there is none. */
    static RecordRow read(JdbcClient jdbc, UUID recordId) {
        return jdbc.sql(SELECT).param(recordId).query((rs, n) -> new RecordRow(rs)).optional().orElse(null);
    }

    /** The rows of {@code recordIds} that exist, in one SELECT, as the caller's transaction sees them now. */
    static java.util.List<RecordRow> readAll(JdbcClient jdbc, java.util.Collection<UUID> recordIds) {
        if (recordIds.isEmpty()) {
            return java.util.List.of();
        }
        return jdbc.sql(SELECT_ALL)
                .param(recordIds.stream().map(UUID::toString).toArray(String[]::new)).query((rs, n) -> new RecordRow(rs)).list();
    }

    UUID id() {
        return id;
    }

    RecordRef ref() {
        return new RecordRef(id, version);
    }

    long version() {
        return version;
    }

    /** What the policy decides on: IDENTITY, CLAIM, SPECIFIC_NEEDS and the hold (the other categories unread). */
    RecordContent forPolicy(PersonalDataAccess access) {
        Objects.requireNonNull(access, "access");
        return new RecordContent(holderRecordRef, JsonText.parse(identity), null, JsonText.parse(claim), null, null,
                JsonText.parse(specificNeeds), protectionHold);
    }

    /** The data of {@code categories} only (the other categories unread). */
    RecordContent categories(Set<Category> categories, PersonalDataAccess access) {
        Objects.requireNonNull(access, "access");
        return new RecordContent(holderRecordRef, parseIf(categories, Category.IDENTITY, identity),
                parseIf(categories, Category.CASE_STATUS, caseStatus), parseIf(categories, Category.CLAIM, claim),
                parseIf(categories, Category.FAMILY, family), parseIf(categories, Category.CONTACT, contact),
                parseIf(categories, Category.SPECIFIC_NEEDS, specificNeeds), protectionHold);
    }

    private static tools.jackson.databind.JsonNode parseIf(Set<Category> categories, Category category, String json) {
        return categories.contains(category) ? JsonText.parse(json) : null;
    }

    @Override
    public String toString() {
        return "RecordRow[" + id + "]";
    }
}
