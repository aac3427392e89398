package org.regionalexchange.gateway.records;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.regionalexchange.policy.Decision;
import org.regionalexchange.policy.Obligations;
import org.regionalexchange.policy.model.BirthDate;
import org.regionalexchange.policy.model.Category;
import org.regionalexchange.policy.model.Consent;
import org.regionalexchange.policy.model.CountryCode;
import org.regionalexchange.policy.model.SpecificNeed;
import org.regionalexchange.policy.model.SubjectRecord;
import org.regionalexchange.gateway.validation.JsonText;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Between a stored record and the policy: the facts the policy decides on, and the release of
 * exactly what a decision released. Package-private: reached through {@link SubjectRecords}.
 */
final class DecisionBridge {

    private DecisionBridge() {
    }

    static SubjectRecord facts(org.regionalexchange.gateway.records.SubjectRecord record, List<Consent> consents) {
        return facts(record.claim(PersonalDataAccess.FOR_POLICY_DECISION), consents);
    }

    /** The facts of a record's content read for the policy ({@link RecordRow#forPolicy}). */
    static SubjectRecord facts(RecordContent content, List<Consent> consents) {
        JsonNode identity = content.identity();
        Set<SpecificNeed> needs = EnumSet.noneOf(SpecificNeed.class);
        if (content.specificNeeds() != null) {
            content.specificNeeds().path("codes").forEach(c -> needs.add(SpecificNeed.valueOf(c.asString())));
        }
        Optional<BirthDate> birth = identity.hasNonNull("dateOfBirth")
                ? Optional.of(BirthDate.parse(identity.get("dateOfBirth").asString())) : Optional.empty();
        return new SubjectRecord(content.holderRecordRef(), countries(identity.get("nationalities")),
                countries(identity.get("formerHabitualResidences")),
                countries(content.claim() == null ? null : content.claim().get("countriesOfFear")), birth, needs,
                content.protectionHold(), consents);
    }

    static ObjectNode release(org.regionalexchange.gateway.records.SubjectRecord record, Decision decision) {
        return release(record.claim(PersonalDataAccess.FOR_RELEASE_UNDER_DECISION), decision);
    }

    /** The released categories of a row, of which only those were read ({@link RecordRow#categories}). */
    static ObjectNode release(RecordRow row, Decision decision) {
        java.util.Set<Category> released = java.util.EnumSet.noneOf(Category.class);
        released.addAll(decision.requesterView().released());
        return release(row.categories(released, PersonalDataAccess.FOR_RELEASE_UNDER_DECISION), decision);
    }

    private static ObjectNode release(RecordContent content, Decision decision) {
        List<Category> released = decision.requesterView().released();
        Map<Category, List<String>> redactions = decision.requesterView().obligations()
                .map(Obligations::redactions).orElse(Map.of());
        ObjectNode out = JsonText.mapper().createObjectNode();
        for (Category category : released) {
            JsonNode data = dataOf(content, category);
            if (data == null) {
                continue;
            }
            JsonNode copy = data.deepCopy();
            for (String field : redactions.getOrDefault(category, List.of())) {
                redact(copy, field);
            }
            out.set(category.name(), copy);
        }
        return out;
    }

    /** The consented categories only, for the liaison; nothing for a record on protection hold. */
    static Optional<ObjectNode> forLiaison(org.regionalexchange.gateway.records.SubjectRecord record,
            Set<Category> consented) {
        RecordContent content = record.claim(PersonalDataAccess.FOR_LIAISON_VIEW);
        if (content.protectionHold()) {
            return Optional.empty();
        }
        ObjectNode out = JsonText.mapper().createObjectNode();
        out.put("id", record.id().toString());
        out.put("holderAgency", record.holderAgency());
        ObjectNode categories = out.putObject("categories");
        for (Category category : Category.values()) {
            if (!consented.contains(category)) {
                continue;
            }
            JsonNode data = dataOf(content, category);
            if (data != null) {
                categories.set(category.name(), data.deepCopy());
            }
        }
        return Optional.of(out);
    }

    /** CASE_STATUS carries the holder's record reference (docs/design.md §4). */
    private static JsonNode caseStatus(RecordContent content) {
        ObjectNode status = (ObjectNode) content.caseStatus().deepCopy();
        status.put("holderRecordRef", content.holderRecordRef());
        return status;
    }

    /** Removes a field from an object, or from each object of an array (FAMILY). */
    private static void redact(JsonNode node, String field) {
        if (node instanceof ObjectNode object) {
            object.remove(field);
        } else if (node.isArray()) {
            node.forEach(element -> redact(element, field));
        }
    }

    private static Set<CountryCode> countries(JsonNode array) {
        Set<CountryCode> codes = new TreeSet<>();
        if (array != null) {
            array.forEach(code -> codes.add(CountryCode.of(code.asString())));
        }
        return codes;
    }

    /** The record's data of one category (null when the record has none). */
    private static JsonNode dataOf(RecordContent content, Category category) {
        return switch (category) {
            case IDENTITY -> content.identity();
            case CASE_STATUS -> caseStatus(content);
            case CLAIM -> content.claim();
            case FAMILY -> content.family();
            case CONTACT -> content.contact();
            case SPECIFIC_NEEDS -> content.specificNeeds();
        };
    }
}
