package org.regionalexchange.gateway.screening;

import java.util.UUID;

import org.regionalexchange.gateway.audit.RevisionContext;
import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.security.Officer;
import org.regionalexchange.gateway.validation.JsonSchemas;
import org.regionalexchange.policy.referral.ReferralEngine;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The screener's side of screening for callers other than the API's controller (the console): the
 * same questionnaire as {@code GET /api/v1/screenings/questionnaire}, the same schema check and
 * {@link ScreeningService} as {@code POST /api/v1/screenings}. No rule of its own.
 */
@Service
public class ScreeningDesk {

    private final ScreeningService screenings;
    private final ReferralEngine engine;
    private final JsonSchemas schemas;

    ScreeningDesk(ScreeningService screenings, ReferralEngine engine, JsonSchemas schemas) {
        this.screenings = screenings;
        this.engine = engine;
        this.schemas = schemas;
    }

    /** The questionnaire in the person's language, or in English when it has no text in that one. */
    public ObjectNode questionnaire(String language) {
        String shown = engine.questionnaire().languages().contains(language) ? language : "en";
        return QuestionnaireView.of(engine.questionnaire(), shown);
    }

    /** Records the interview (a document of schema {@code screening}) as the API does; returns the screening. */
    public ObjectNode record(Officer screener, JsonNode interview, String correlationId) {
        var errors = schemas.validate("screening", interview);
        if (!errors.isEmpty()) {
            throw new ApiException(ErrorCode.SCHEMA_VIOLATION,
                    errors.size() + " field(s) of the interview do not match schema 'screening'.", errors);
        }
        return RevisionContext.with("screening recorded", correlationId, () -> screenings.record(screener, interview));
    }

    /** The screening of the screener's agency, as {@code GET /api/v1/screenings/{id}} (each read is logged). */
    public ObjectNode read(Officer screener, UUID id) {
        return screenings.read(screener, id);
    }
}
