package org.regionalexchange.gateway.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/** A consent as the registrar of the holding agency sees it, with its status on the day of reading. */
public record ConsentView(UUID id, UUID recordId, String status, JsonNode recipients, JsonNode purposes,
        JsonNode categories, LocalDate validFrom, LocalDate validUntil, String givenBy, String informedInLanguage,
        boolean interpreterPresent, String evidenceRef, String recordedBy, Instant recordedAt,
        Withdrawal withdrawal) {

    public record Withdrawal(Instant at, String by, String reason) {
    }

    @Override
    public String toString() {
        return "ConsentView[" + id + "]";
    }
}
