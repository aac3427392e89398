package org.regionalexchange.gateway.referral;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.error.FieldError;
import org.regionalexchange.gateway.validation.JsonText;
import org.regionalexchange.policy.model.BirthDate;
import org.regionalexchange.policy.model.ConsentGiver;
import org.regionalexchange.policy.model.CountryCode;
import org.regionalexchange.policy.referral.Ground;
import org.regionalexchange.policy.referral.Indicator;
import org.regionalexchange.policy.referral.IndicatorFinding;
import org.regionalexchange.policy.referral.Indicators;
import org.regionalexchange.policy.referral.PersonSource;
import org.regionalexchange.policy.referral.ReferralCategory;
import org.regionalexchange.policy.referral.ReferralConsent;
import org.regionalexchange.policy.referral.ReferralType;
import org.regionalexchange.policy.referral.ReferredPerson;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The claims of the envelopes that carry referrals between nodes (docs/referrals.md "Across
 * nodes"): a referral, a lifecycle step, and the receiver's receipt. What the receiving node reads
 * from a peer's envelope is checked here field by field; anything missing or out of shape is
 * {@code invalid_value}, never an error of the node.
 */
final class ReferralMessages {

    static final String REFERRAL = "referral+jwt";
    static final String STEP = "referral-step+jwt";
    static final String RECEIPT = "referral-receipt+jwt";
    static final String JOSE = "application/jose";

    static final String STORED = "STORED";
    static final String ALREADY_RECEIVED = "ALREADY_RECEIVED";

    private ReferralMessages() {
    }

    /** The claims of a referral to an agency of another node: what the receiver stores and re-checks. */
    static ObjectNode referral(UUID messageId, Referral referral, ReferredPerson person) {
        ObjectNode claims = JsonText.mapper().createObjectNode();
        claims.put("messageId", messageId.toString());
        claims.put("referralId", referral.id().toString());
        claims.put("senderAgency", referral.senderAgency());
        claims.put("sentBy", referral.sentBy());
        claims.put("receiverAgency", referral.receiverAgency());
        claims.put("type", referral.type());
        ArrayNode categories = claims.putArray("categories");
        referral.categories().forEach(c -> categories.add(c.name()));
        referral.basis().writeTo(claims);
        if (referral.note() != null) {
            claims.put("note", referral.note());
        }
        claims.put("priority", referral.priority());
        claims.put("sentAt", referral.createdAt().toString());
        claims.set("person", person(person));
        claims.set("data", referral.carried());
        return claims;
    }

    /** The claims of one lifecycle step, for the other node of a referral. */
    static ObjectNode step(UUID messageId, UUID referralId, ReferralStep step) {
        ObjectNode claims = JsonText.mapper().createObjectNode();
        claims.put("messageId", messageId.toString());
        claims.put("referralId", referralId.toString());
        claims.put("status", step.status().name());
        claims.put("at", step.occurredAt().toString());
        claims.put("actor", step.actor());
        claims.put("agency", step.agency());
        if (step.reason() != null) {
            claims.put("reason", step.reason());
        }
        if (step.successful() != null) {
            claims.put("successful", step.successful());
        }
        return claims;
    }

    /** The receiver's receipt, bound to the envelope it answers by its digest. */
    static ObjectNode receipt(UUID messageId, UUID referralId, String envelopeDigest, String outcome,
            ReferralStatus status) {
        ObjectNode claims = JsonText.mapper().createObjectNode();
        claims.put("messageId", messageId.toString());
        claims.put("referralId", referralId.toString());
        claims.put("envelopeDigest", envelopeDigest);
        claims.put("outcome", outcome);
        claims.put("status", status.name());
        return claims;
    }

    /** The facts the referral rules judge, so that the receiving node can judge them again. */
    static ObjectNode person(ReferredPerson person) {
        ObjectNode node = JsonText.mapper().createObjectNode();
        node.put("source", person.source().name());
        person.dateOfBirth().ifPresent(d -> node.put("dateOfBirth", d.toString()));
        countries(node.putArray("nationalities"), person.nationalities());
        countries(node.putArray("formerHabitualResidences"), person.formerHabitualResidences());
        countries(node.putArray("countriesFled"), person.countriesFled());
        countries(node.putArray("countriesFeared"), person.countriesFeared());
        ArrayNode indicators = node.putArray("indicators");
        for (IndicatorFinding finding : person.indicators().findings()) {
            ObjectNode item = indicators.addObject();
            item.put("indicator", finding.indicator().name());
            ArrayNode grounds = item.putArray("grounds");
            finding.grounds().forEach(g -> grounds.addObject().put("source", g.source()).put("value", g.value()));
        }
        return node;
    }

    private static void countries(ArrayNode array, Set<CountryCode> countries) {
        countries.forEach(c -> array.add(c.value()));
    }

    /** The person of a peer's referral envelope, checked; {@code invalid_value} naming the field otherwise. */
    static ReferredPerson parsePerson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw invalid("person", "missing");
        }
        try {
            PersonSource source = PersonSource.valueOf(text(node, "person.source", node.get("source")));
            JsonNode dob = node.get("dateOfBirth");
            Optional<BirthDate> dateOfBirth = dob == null || dob.isNull() ? Optional.empty()
                    : Optional.of(BirthDate.parse(text(node, "person.dateOfBirth", dob)));
            List<IndicatorFinding> findings = new ArrayList<>();
            for (JsonNode item : array(node.get("indicators"), "person.indicators")) {
                List<Ground> grounds = new ArrayList<>();
                for (JsonNode g : array(item.get("grounds"), "person.indicators.grounds")) {
                    grounds.add(new Ground(text(g, "person.indicators.grounds.source", g.get("source")),
                            text(g, "person.indicators.grounds.value", g.get("value"))));
                }
                findings.add(new IndicatorFinding(Indicator.valueOf(text(item, "person.indicators.indicator",
                        item.get("indicator"))), grounds));
            }
            return new ReferredPerson(source, dateOfBirth, countrySet(node, "nationalities"),
                    countrySet(node, "formerHabitualResidences"), countrySet(node, "countriesFled"),
                    countrySet(node, "countriesFeared"), Indicators.of(findings));
        } catch (RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            // Fail closed: whatever the rules' value types refuse is a person this node does not judge.
            throw invalid("person", "not a person the referral rules can judge");
        }
    }

    private static Set<CountryCode> countrySet(JsonNode node, String field) {
        Set<CountryCode> set = new TreeSet<>();
        for (JsonNode c : array(node.get(field), "person." + field)) {
            set.add(CountryCode.of(text(node, "person." + field, c)));
        }
        return set;
    }

    static Set<ReferralCategory> categories(JsonNode claims) {
        Set<ReferralCategory> set = EnumSet.noneOf(ReferralCategory.class);
        for (JsonNode c : array(claims.get("categories"), "categories")) {
            try {
                set.add(ReferralCategory.parse(text(claims, "categories", c)));
            } catch (IllegalArgumentException e) {
                throw invalid("categories", "unknown category");
            }
        }
        if (set.isEmpty()) {
            throw invalid("categories", "at least one");
        }
        return set;
    }

    static ReferralType type(JsonNode claims) {
        try {
            return ReferralType.parse(required(claims, "type"));
        } catch (IllegalArgumentException e) {
            throw invalid("type", "unknown referral type");
        }
    }

    static Optional<ReferralConsent> consent(JsonNode consent) {
        if (consent == null || consent.isNull()) {
            return Optional.empty();
        }
        if (!consent.isObject() || consent.get("interpreterPresent") == null
                || !consent.get("interpreterPresent").isBoolean()) {
            throw invalid("consent", "not a consent");
        }
        try {
            JsonNode evidence = consent.get("evidenceRef");
            return Optional.of(new ReferralConsent(ConsentGiver.valueOf(required(consent, "givenBy")),
                    required(consent, "informedInLanguage"), consent.get("interpreterPresent").asBoolean(),
                    evidence == null || evidence.isNull() ? Optional.empty()
                            : Optional.of(text(consent, "consent.evidenceRef", evidence))));
        } catch (IllegalArgumentException e) {
            throw invalid("consent", "not a consent");
        }
    }

    static String required(JsonNode claims, String field) {
        return text(claims, field, claims.get(field));
    }

    static Optional<String> optional(JsonNode claims, String field) {
        JsonNode value = claims.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(text(claims, field, value));
    }

    static UUID uuid(JsonNode claims, String field) {
        try {
            return UUID.fromString(required(claims, field));
        } catch (IllegalArgumentException e) {
            throw invalid(field, "not a UUID");
        }
    }

    static Instant instant(JsonNode claims, String field) {
        try {
            return Instant.parse(required(claims, field));
        } catch (DateTimeParseException e) {
            throw invalid(field, "not a time");
        }
    }

    private static String text(JsonNode owner, String field, JsonNode value) {
        if (value == null || !value.isString() || value.asString().isBlank() || value.asString().length() > 4000) {
            throw invalid(field, "missing or not a text");
        }
        return value.asString();
    }

    private static Iterable<JsonNode> array(JsonNode value, String field) {
        if (value == null || !value.isArray() || value.size() > 100) {
            throw invalid(field, "missing or not a list");
        }
        return value;
    }

    /**
     * Refuses a payload with a control character (other than tab, line feed and carriage return) or
     * a lone surrogate in any string, names included: nothing of it could be stored or shown safely.
     */
    static void requirePrintable(JsonNode node) {
        if (node.isString()) {
            requirePrintable(node.asString());
        } else if (node.isObject()) {
            node.properties().forEach(e -> {
                requirePrintable(e.getKey());
                requirePrintable(e.getValue());
            });
        } else if (node.isArray()) {
            node.forEach(ReferralMessages::requirePrintable);
        }
    }

    private static void requirePrintable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r';
            boolean loneSurrogate = Character.isHighSurrogate(c)
                    ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(++i))
                    : Character.isLowSurrogate(c);
            if (control || loneSurrogate) {
                throw invalid("payload", "a control character or a lone surrogate in a string");
            }
        }
    }

    /** A text claim of at most {@code max} characters. */
    static String required(JsonNode claims, String field, int max) {
        String value = required(claims, field);
        if (value.length() > max) {
            throw invalid(field, "longer than " + max + " characters");
        }
        return value;
    }

    static ApiException invalid(String field, String message) {
        return new ApiException(ErrorCode.INVALID_VALUE, "The referral envelope holds a value this node does not"
                + " accept.", List.of(new FieldError(field, message)));
    }
}
