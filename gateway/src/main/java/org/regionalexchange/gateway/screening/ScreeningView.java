package org.regionalexchange.gateway.screening;

import org.regionalexchange.gateway.validation.JsonText;
import org.regionalexchange.policy.model.Party;
import org.regionalexchange.policy.referral.ContactBlock;
import org.regionalexchange.policy.referral.DirectoryAgency;
import org.regionalexchange.policy.referral.Ground;
import org.regionalexchange.policy.referral.IndicatorFinding;
import org.regionalexchange.policy.referral.Indicators;
import org.regionalexchange.policy.referral.Priority;
import org.regionalexchange.policy.referral.ReferralSuggestions;
import org.regionalexchange.policy.referral.SuggestedReferral;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON answer of a screening: the interview as recorded and what the policy computes from it. */
public final class ScreeningView {

    private ScreeningView() {
    }

    static ObjectNode of(Screening screening, Indicators indicators, Priority priority,
            ReferralSuggestions suggestions) {
        ObjectNode view = JsonText.mapper().createObjectNode();
        view.put("id", screening.id().toString());
        view.put("agency", screening.agency());
        view.put("screener", screening.screener());
        ObjectNode questionnaire = view.putObject("questionnaire");
        questionnaire.put("id", screening.questionnaireId());
        questionnaire.put("version", screening.questionnaireVersion());
        JsonNode interview = screening.interview();
        interview.properties().forEach(field -> view.set(field.getKey(), field.getValue()));
        view.put("recordedAt", screening.createdAt().toString());
        view.set("indicators", indicators(indicators));
        view.put("priority", priority.name());
        view.set("suggestedReferrals", suggestions(suggestions));
        ArrayNode gaps = view.putArray("noAgencyFor");
        suggestions.noAgencyFor().forEach(type -> gaps.add(type.name()));
        return view;
    }

    /** Each indicator with the answers and facts that raised it, in the policy's order. */
    static ArrayNode indicators(Indicators indicators) {
        ArrayNode list = JsonText.mapper().createArrayNode();
        for (IndicatorFinding finding : indicators.findings()) {
            ObjectNode item = list.addObject();
            item.put("indicator", finding.indicator().name());
            ArrayNode grounds = item.putArray("grounds");
            for (Ground ground : finding.grounds()) {
                grounds.addObject().put("source", ground.source()).put("value", ground.value());
            }
        }
        return list;
    }

    private static ArrayNode suggestions(ReferralSuggestions suggestions) {
        ArrayNode list = JsonText.mapper().createArrayNode();
        for (SuggestedReferral suggestion : suggestions.suggestions()) {
            ObjectNode item = list.addObject();
            item.put("type", suggestion.type().name());
            item.put("priority", suggestion.priority().name());
            ArrayNode because = item.putArray("because");
            suggestion.because().forEach(indicator -> because.add(indicator.name()));
            item.set("agency", agency(suggestion.agency()));
        }
        return list;
    }

    /** An agency with the contact block of its National Reference Guide, for a printed referral slip. */
    public static ObjectNode agency(DirectoryAgency agency) {
        ObjectNode item = JsonText.mapper().createObjectNode();
        item.put("id", agency.id().value());
        item.put("name", agency.name());
        agency.country().ifPresent(country -> item.put("country", country.value()));
        if (agency.party() instanceof Party.Organization organization) {
            item.put("organization", organization.code().value());
        }
        ArrayNode functions = item.putArray("functions");
        agency.functions().forEach(function -> functions.add(function.name()));
        ContactBlock contact = agency.contact();
        ObjectNode block = item.putObject("contact");
        contact.servicesDescription().ifPresent(v -> block.put("servicesDescription", v));
        block.put("department", contact.department());
        contact.contactPerson().ifPresent(v -> block.put("contactPerson", v));
        block.put("phone", contact.phone());
        contact.email().ifPresent(v -> block.put("email", v));
        block.put("address", contact.address());
        block.put("workingHours", contact.workingHours());
        contact.hotline().ifPresent(v -> block.put("hotline", v));
        return item;
    }
}
