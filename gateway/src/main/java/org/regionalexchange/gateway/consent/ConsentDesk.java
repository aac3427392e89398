package org.regionalexchange.gateway.consent;

import java.util.List;
import java.util.UUID;

import org.regionalexchange.gateway.audit.RevisionContext;
import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.security.Officer;
import org.regionalexchange.gateway.validation.JsonSchemas;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * A record's consents as the console shows them: the same {@link ConsentService} and schemas as
 * {@code /api/v1/records/{id}/consents}, with the same revision reasons.
 */
@Component
public class ConsentDesk {

    private final ConsentService consents;
    private final JsonSchemas schemas;

    ConsentDesk(ConsentService consents, JsonSchemas schemas) {
        this.consents = consents;
        this.schemas = schemas;
    }

    /** Records a consent (a document of schema {@code consent}); returns its id. */
    public UUID record(Officer registrar, UUID recordId, JsonNode document) {
        valid("consent", document);
        return RevisionContext.with("consent recorded", null, () -> consents.record(registrar, recordId, document));
    }

    /** The record's consents, as the API lists them (the listing is logged). */
    public List<ConsentView> list(Officer registrar, UUID recordId) {
        return consents.list(registrar, recordId);
    }

    /** Withdraws a consent for {@code reason} (a document of schema {@code consent-withdrawal}). */
    public ConsentView withdraw(Officer registrar, UUID recordId, UUID consentId, JsonNode withdrawal) {
        valid("consent-withdrawal", withdrawal);
        String reason = withdrawal.get("reason").asString();
        return RevisionContext.with("consent withdrawn: " + reason, null,
                () -> consents.withdraw(registrar, recordId, consentId, reason));
    }

    private void valid(String schema, JsonNode document) {
        var errors = schemas.validate(schema, document);
        if (!errors.isEmpty()) {
            throw new ApiException(ErrorCode.SCHEMA_VIOLATION,
                    errors.size() + " field(s) do not match schema '" + schema + "'.", errors);
        }
    }
}
