package org.regionalexchange.policy.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.regionalexchange.policy.model.AgencyId;
import org.regionalexchange.policy.model.Agreement;
import org.regionalexchange.policy.model.BirthDate;
import org.regionalexchange.policy.model.Category;
import org.regionalexchange.policy.model.Consent;
import org.regionalexchange.policy.model.ConsentGiver;
import org.regionalexchange.policy.model.ConsentRecipient;
import org.regionalexchange.policy.model.CountryCode;
import org.regionalexchange.policy.model.IncomingRequest;
import org.regionalexchange.policy.model.InformationRequest;
import org.regionalexchange.policy.model.JustificationHistory;
import org.regionalexchange.policy.model.LegalBasis;
import org.regionalexchange.policy.model.NodeId;
import org.regionalexchange.policy.model.Party;
import org.regionalexchange.policy.model.Purpose;
import org.regionalexchange.policy.model.RecentJustification;
import org.regionalexchange.policy.model.Requester;
import org.regionalexchange.policy.model.RequesterRole;
import org.regionalexchange.policy.model.SpecificNeed;
import org.regionalexchange.policy.model.SubjectRecord;
import org.regionalexchange.policy.model.SubjectSelector;
import org.regionalexchange.policy.model.Urgency;
import tools.jackson.databind.JsonNode;

/** Builds the engine's input values from a merged case document. */
final class CaseWorld {
    private final JsonNode doc;

    CaseWorld(JsonNode merged) {
        this.doc = merged;
    }

    Instant now() {
        return Instant.parse(doc.get("now").asString());
    }

    InformationRequest request() {
        JsonNode r = doc.get("request");
        JsonNode who = r.get("requester");
        Requester requester = new Requester(NodeId.of(who.get("node").asString()), party(who),
                AgencyId.of(who.get("agency").asString()), RequesterRole.valueOf(who.get("role").asString()));
        return new InformationRequest(requester, Purpose.parse(r.get("purpose").asString()),
                LegalBasis.valueOf(r.get("legalBasis").asString()), r.get("requesterCaseRef").asString(),
                r.get("justification").asString(), enums(r.get("categories"), Category.class),
                Urgency.valueOf(r.get("urgency").asString()), subject(r.get("subject")));
    }

    JustificationHistory history() {
        JsonNode h = doc.get("history");
        List<RecentJustification> recent = new ArrayList<>();
        for (JsonNode used : h.path("recent")) {
            recent.add(RecentJustification.of(AgencyId.of(used.get("agency").asString()),
                    used.get("justification").asString(), used.get("subjectKey").asString(),
                    Instant.parse(used.get("usedAt").asString())));
        }
        return new JustificationHistory(h.get("subjectKey").asString(), recent);
    }

    IncomingRequest incoming() {
        Set<AgencyId> agencies = new TreeSet<>();
        for (JsonNode agency : doc.get("signingNodeAgencies")) {
            agencies.add(AgencyId.of(agency.asString()));
        }
        List<Agreement> agreements = new ArrayList<>();
        for (JsonNode a : doc.get("agreements")) {
            EnumMap<Purpose, Set<Category>> coverage = new EnumMap<>(Purpose.class);
            for (Map.Entry<String, JsonNode> e : a.get("coverage").properties()) {
                coverage.put(Purpose.parse(e.getKey()), enums(e.getValue(), Category.class));
            }
            agreements.add(new Agreement(a.get("id").asString(), party(a.get("parties").get(0)),
                    party(a.get("parties").get(1)), LocalDate.parse(a.get("validFrom").asString()),
                    optionalDate(a.get("validUntil")), coverage));
        }
        return new IncomingRequest(request(), agencies, party(doc.get("holder")), agreements, history());
    }

    List<SubjectRecord> records(JsonNode array) {
        List<SubjectRecord> records = new ArrayList<>();
        for (JsonNode r : array) {
            records.add(record(r));
        }
        return records;
    }

    static SubjectRecord record(JsonNode r) {
        List<Consent> consents = new ArrayList<>();
        for (JsonNode c : r.path("consents")) {
            List<ConsentRecipient> recipients = new ArrayList<>();
            for (JsonNode recipient : c.get("recipients")) {
                if (recipient.has("country")) {
                    recipients.add(ConsentRecipient.country(recipient.get("country").asString()));
                } else if (recipient.has("agency")) {
                    recipients.add(ConsentRecipient.agency(recipient.get("agency").asString()));
                } else {
                    recipients.add(ConsentRecipient.organization(recipient.get("organization").asString()));
                }
            }
            JsonNode withdrawn = c.path("withdrawn");
            consents.add(new Consent(c.get("id").asString(), recipients, enums(c.get("purposes"), Purpose.class),
                    enums(c.get("categories"), Category.class), LocalDate.parse(c.get("validFrom").asString()),
                    optionalDate(c.get("validUntil")), ConsentGiver.valueOf(c.get("givenBy").asString()),
                    withdrawn.isObject() ? Optional.of(new org.regionalexchange.policy.model.Withdrawal(
                            Instant.parse(withdrawn.get("at").asString()), withdrawn.get("reason").asString()))
                            : Optional.empty()));
        }
        JsonNode dob = r.path("dateOfBirth");
        return new SubjectRecord(r.get("holderRecordRef").asString(), countries(r.path("nationalities")),
                countries(r.path("formerHabitualResidences")), countries(r.path("countriesOfFear")),
                dob.isString() ? Optional.of(BirthDate.parse(dob.asString())) : Optional.empty(),
                enums(r.path("specificNeeds"), SpecificNeed.class), r.path("protectionHold").asBoolean(false),
                consents);
    }

    private static SubjectSelector subject(JsonNode s) {
        if (s.has("holderRecordRef")) {
            return new SubjectSelector.RecordReference(s.get("holderRecordRef").asString());
        }
        JsonNode id = s.get("identity");
        return new SubjectSelector.IdentityQuery(id.get("familyName").asString(), id.get("givenNames").asString(),
                id.get("dateOfBirth").asString(),
                id.has("nationality") ? Optional.of(CountryCode.of(id.get("nationality").asString())) : Optional.empty(),
                id.has("documentNumber") ? Optional.of(id.get("documentNumber").asString()) : Optional.empty());
    }

    static Party party(JsonNode node) {
        return node.has("country") ? Party.country(node.get("country").asString())
                : Party.organization(node.get("organization").asString());
    }

    private static Optional<LocalDate> optionalDate(JsonNode node) {
        return node != null && node.isString() ? Optional.of(LocalDate.parse(node.asString())) : Optional.empty();
    }

    private static Set<CountryCode> countries(JsonNode array) {
        Set<CountryCode> set = new TreeSet<>();
        for (JsonNode c : array) {
            set.add(CountryCode.of(c.asString()));
        }
        return set;
    }

    private static <E extends Enum<E>> Set<E> enums(JsonNode array, Class<E> type) {
        EnumSet<E> set = EnumSet.noneOf(type);
        for (JsonNode item : array) {
            set.add(Enum.valueOf(type, item.asString()));
        }
        return set;
    }
}
