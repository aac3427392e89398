package org.regionalexchange.gateway.records;

import tools.jackson.databind.JsonNode;

/**
 * The categories of a record as JSON, obtained only through {@link SubjectRecord#claim}. Its
 * {@link #toString()} prints no personal data.
 */
record RecordContent(String holderRecordRef, JsonNode identity, JsonNode caseStatus, JsonNode claim,
        JsonNode family, JsonNode contact, JsonNode specificNeeds, boolean protectionHold) {

    @Override
    public String toString() {
        return "RecordContent[personal data withheld]";
    }
}
