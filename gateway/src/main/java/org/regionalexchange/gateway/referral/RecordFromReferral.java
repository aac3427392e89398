package org.regionalexchange.gateway.referral;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.regionalexchange.gateway.audit.AccessAction;
import org.regionalexchange.gateway.audit.AccessEvent;
import org.regionalexchange.gateway.audit.AccessLog;
import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.error.FieldError;
import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.gateway.records.SubjectRecords;
import org.regionalexchange.gateway.security.Officer;
import org.regionalexchange.gateway.security.Role;
import org.regionalexchange.gateway.validation.JsonSchemas;
import org.regionalexchange.gateway.validation.JsonText;
import org.regionalexchange.policy.referral.ReferralCategory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The receiving agency's registrar opens a record from an ACCEPTED referral to the agency, once:
 * the record holds the referred categories only (the registrar adds the reference, the case status
 * when none was referred, and identity fields the referral lacks), and the basis the data came on
 * (consent as given, or the child's best-interest reason) is kept with it. The referral row is
 * locked while this runs, so two registrars cannot both open one. Works on the receiver's stored
 * referral row whichever node sent it.
 */
@Service
class RecordFromReferral {

    private static final List<String> IDENTITY_FIELDS = List.of("familyName", "givenNames", "latinFamilyName",
            "latinGivenNames", "sex", "dateOfBirth", "placeOfBirth", "nationalities", "formerHabitualResidences",
            "documents");
    /** A screening's observed needs as a record's codes; a need without a code of its own is kept in the notes. */
    private static final Map<String, String> SCREENED_NEEDS = Map.of(
            "SUSPECTED_TRAFFICKING_VICTIM", "TRAFFICKING_VICTIM",
            "WOMAN_AT_RISK", "WOMAN_AT_RISK",
            "ELDERLY", "ELDERLY",
            "DISABILITY", "DISABILITY",
            "SERIOUS_MEDICAL_CONDITION", "SERIOUS_MEDICAL_CONDITION");

    private final EntityManager em;
    private final AccessLog accessLog;
    private final NodeProperties node;
    private final SubjectRecords records;
    private final JsonSchemas schemas;
    private final Clock clock;

    RecordFromReferral(EntityManager em, AccessLog accessLog, NodeProperties node, SubjectRecords records,
            JsonSchemas schemas, Clock clock) {
        this.em = em;
        this.accessLog = accessLog;
        this.node = node;
        this.records = records;
        this.schemas = schemas;
        this.clock = clock;
    }

    record Opened(UUID recordId, ObjectNode answer) {
    }

    @Transactional(noRollbackFor = OpeningRefused.class)
    Opened open(Officer registrar, UUID referralId, JsonNode body) {
        Referral referral = em.find(Referral.class, referralId, LockModeType.PESSIMISTIC_WRITE);
        if (referral == null || !referral.receiverAgency().equals(registrar.agency())) {
            log(registrar, AccessAction.ACCESS_REFUSED, referralId, AccessEvent.REFUSED,
                    List.of(referral == null ? "no_such_referral" : "not_the_receiver"));
            throw new OpeningRefused(ErrorCode.NOT_FOUND, "No such referral received by your agency.");
        }
        if (!registrar.has(Role.REGISTRAR)) {
            throw new OpeningRefused(ErrorCode.ROLE_NOT_PERMITTED, "A registrar of the receiving agency opens a record.");
        }
        if (referral.status() != ReferralStatus.ACCEPTED) {
            log(registrar, AccessAction.REFERRAL_RECORD_REFUSED, referralId, AccessEvent.REFUSED,
                    List.of("referral_not_accepted"));
            throw new OpeningRefused(ErrorCode.REFERRAL_NOT_ACCEPTED, "Only an ACCEPTED referral opens a record; this one is "
                    + referral.status() + ".");
        }
        if (em.find(RecordOpening.class, referralId) != null) {
            log(registrar, AccessAction.REFERRAL_RECORD_REFUSED, referralId, AccessEvent.REFUSED,
                    List.of("referral_already_opened"));
            throw new OpeningRefused(ErrorCode.REFERRAL_ALREADY_OPENED, "A record was already opened from this referral.");
        }
        ObjectNode document = document(referral, body);
        List<FieldError> missing = schemas.validate("record", document);
        if (!missing.isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_VALUE, "The record would not be complete: give what the referral"
                    + " does not carry.", missing);
        }
        UUID recordId = records.register(registrar, document);
        Instant now = clock.instant();
        Set<ReferralCategory> categories = referral.categories();
        String categoryList = categories.stream().map(Enum::name).collect(Collectors.joining(","));
        em.persist(new RecordOpening(referral, recordId, registrar.subject(), categoryList, now));
        em.flush();
        log(registrar, AccessAction.REFERRAL_RECORD_OPENED, referralId, AccessEvent.OK,
                List.of("basis_" + referral.basis().name().toLowerCase(Locale.ROOT)));
        return new Opened(recordId, answer(referral, recordId, categories, document));
    }

    /** The record the officer's agency opened from this referral, if it did. */
    @Transactional(readOnly = true)
    Optional<UUID> openedBy(Officer officer, UUID referralId) {
        RecordOpening opening = em.find(RecordOpening.class, referralId);
        return opening != null && opening.receiverAgency().equals(officer.agency()) ? Optional.of(opening.recordId())
                : Optional.empty();
    }

    /** The record document: the referred categories, completed by what the registrar gives. */
    private static ObjectNode document(Referral referral, JsonNode body) {
        JsonNode carried = referral.carried();
        ObjectNode document = JsonText.mapper().createObjectNode();
        document.set("holderRecordRef", body.get("holderRecordRef"));
        ObjectNode identity = document.putObject("identity");
        JsonNode referred = carried.path("identity");
        JsonNode given = body.path("identity");
        for (String field : IDENTITY_FIELDS) {
            if (present(referred.get(field))) {
                identity.set(field, referred.get(field));
            } else if (present(given.get(field))) {
                identity.set(field, given.get(field));
            }
        }
        if (present(body.get("caseStatus"))) {
            document.set("caseStatus", body.get("caseStatus"));
        } else if (present(carried.get("caseStatus"))) {
            // The referred CASE_STATUS also names the sender's record reference, which stays on the referral.
            ObjectNode status = document.putObject("caseStatus");
            for (String field : List.of("status", "statusDate")) {
                if (present(carried.get("caseStatus").get(field))) {
                    status.set(field, carried.get("caseStatus").get(field));
                }
            }
        }
        for (String member : List.of("claim", "family", "contact")) {
            if (present(carried.get(member))) {
                document.set(member, carried.get(member));
            }
        }
        JsonNode needs = carried.get("specificNeeds");
        if (needs != null && needs.isObject()) {
            document.set("specificNeeds", needs);
        } else if (needs != null && needs.isArray() && !needs.isEmpty()) {
            screenedNeeds(needs, referred.path("accompaniment").asString("UNKNOWN"), document);
        }
        return document;
    }

    /**
     * A screening's needs as the record's codes, every observed code also in the notes so that
     * nothing referred is lost (e.g. a victim of violence or torture, which the record splits).
     */
    private static void screenedNeeds(JsonNode needs, String accompaniment, ObjectNode document) {
        List<String> codes = new ArrayList<>();
        List<String> observed = new ArrayList<>();
        for (JsonNode need : needs) {
            String code = need.asString();
            observed.add(code);
            String mapped = code.equals("UNACCOMPANIED_OR_SEPARATED_CHILD")
                    ? (accompaniment.equals("WITH_OTHER_ADULTS") ? "SEPARATED_CHILD" : "UNACCOMPANIED_CHILD")
                    : SCREENED_NEEDS.get(code);
            if (mapped != null && !codes.contains(mapped)) {
                codes.add(mapped);
            }
        }
        if (codes.isEmpty()) {
            // The record needs at least one code; the observation stays on the referral.
            return;
        }
        ObjectNode specificNeeds = document.putObject("specificNeeds");
        ArrayNode list = specificNeeds.putArray("codes");
        codes.forEach(list::add);
        specificNeeds.put("notes", "Observed at screening: " + String.join(", ", observed));
    }

    private static ObjectNode answer(Referral referral, UUID recordId, Set<ReferralCategory> categories,
            ObjectNode document) {
        ObjectNode answer = JsonText.mapper().createObjectNode();
        answer.put("recordId", recordId.toString());
        answer.put("referralId", referral.id().toString());
        answer.put("holderRecordRef", document.get("holderRecordRef").asString());
        ArrayNode referred = answer.putArray("categories");
        EnumSet.copyOf(categories).forEach(c -> referred.add(c.name()));
        referral.basis().writeTo(answer);
        return answer;
    }

    private static boolean present(JsonNode value) {
        return value != null && !value.isNull() && !value.isMissingNode();
    }

    private void log(Officer officer, AccessAction action, UUID id, String outcome, List<String> reasons) {
        accessLog.append(new AccessEvent(clock.instant(), officer.subject(), officer.agency(), node.id(), action, id,
                outcome, reasons));
    }
}
