package org.regionalexchange.gateway.screening;

import java.net.URI;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.regionalexchange.gateway.audit.CorrelationIds;
import org.regionalexchange.gateway.audit.RevisionContext;
import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.error.FieldError;
import org.regionalexchange.gateway.security.Officer;
import org.regionalexchange.gateway.validation.SchemaBody;
import org.regionalexchange.policy.referral.Questionnaire;
import org.regionalexchange.policy.referral.ReferralEngine;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/screenings}: a screener records an interview at the border and reads the
 * interviews of its own agency (role {@code screener} is checked by the security table; the
 * agency here); any officer reads the questionnaire.
 */
@RestController
@RequestMapping("/api/v1/screenings")
class ScreeningController {

    private final ScreeningService screenings;
    private final ReferralEngine engine;

    ScreeningController(ScreeningService screenings, ReferralEngine engine) {
        this.screenings = screenings;
        this.engine = engine;
    }

    @PostMapping
    ResponseEntity<ObjectNode> record(@SchemaBody("screening") JsonNode body, @AuthenticationPrincipal Officer officer,
            HttpServletRequest request) {
        ObjectNode view = RevisionContext.with("screening recorded", CorrelationIds.of(request),
                () -> screenings.record(officer, body));
        return ResponseEntity.created(URI.create("/api/v1/screenings/" + view.get("id").asString())).body(view);
    }

    /** The Annex 1 questionnaire in the asked language (any role; no personal data). */
    @GetMapping("/questionnaire")
    ObjectNode questionnaire(@RequestParam(defaultValue = "en") String lang) {
        Questionnaire questionnaire = engine.questionnaire();
        if (!questionnaire.languages().contains(lang)) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "The questionnaire has no text in that language.",
                    List.of(new FieldError("lang", "expected one of " + new TreeSet<>(questionnaire.languages()))));
        }
        return QuestionnaireView.of(questionnaire, lang);
    }

    @GetMapping("/{id}")
    ObjectNode read(@PathVariable UUID id, @AuthenticationPrincipal Officer officer) {
        return screenings.read(officer, id);
    }
}
