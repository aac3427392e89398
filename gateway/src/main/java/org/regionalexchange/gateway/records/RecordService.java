package org.regionalexchange.gateway.records;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;

import org.regionalexchange.gateway.audit.AccessAction;
import org.regionalexchange.gateway.audit.AccessEvent;
import org.regionalexchange.gateway.audit.AccessLog;
import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.error.FieldError;
import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.gateway.security.Officer;
import org.regionalexchange.gateway.validation.CountryCodes;
import org.regionalexchange.gateway.validation.JsonText;
import org.regionalexchange.policy.Decision;
import org.regionalexchange.policy.model.Consent;
import org.regionalexchange.policy.model.SubjectSelector;
import org.hibernate.jpa.HibernateHints;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates, reads and updates subject records of the caller's agency. Every read, change and
 * refusal is written to the access log in the same transaction.
 */
@Service
class RecordService implements SubjectRecords {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RecordService.class);

    /** SQLSTATE of a unique-constraint violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final EntityManager em;
    private final AccessLog accessLog;
    private final NodeProperties node;
    private final IdentityMatcher matcher;
    private final Clock clock;
    private final JdbcClient jdbc;

    RecordService(EntityManager em, AccessLog accessLog, NodeProperties node, IdentityMatcher matcher, Clock clock,
            JdbcClient jdbc) {
        this.em = em;
        this.clock = clock;
        this.jdbc = jdbc;
        this.matcher = matcher;
        this.accessLog = accessLog;
        this.node = node;
    }

    @Override
    @Transactional
    public UUID register(Officer registrar, JsonNode document) {
        checkValues(document);
        String ref = document.get("holderRecordRef").asString();
        if (findByHolderRef(registrar.agency(), ref).isPresent()) {
            throw duplicate();
        }
        Instant now = clock.instant();
        SubjectRecord record = new SubjectRecord(UUID.randomUUID(), registrar.agency(), document, now);
        em.persist(record);
        flush();
        log(registrar, AccessAction.RECORD_CREATED, record.id(), AccessEvent.OK, List.of());
        return record.id();
    }

    @Transactional(noRollbackFor = RecordNotVisible.class)
    ObjectNode read(Officer registrar, UUID id) {
        SubjectRecord record = held(registrar, id);
        log(registrar, AccessAction.RECORD_READ, id, AccessEvent.OK, List.of());
        return view(record);
    }

    /**
     * Replaces the record. With {@code expectedVersion} (the {@code version} the registrar read),
     * a record changed since is refused with {@code 409 conflict} and left as it is. The row is
     * locked first, so two changes of one record never interleave: the second sees the first's
     * version.
     */
    @Transactional(noRollbackFor = RecordNotVisible.class)
    ObjectNode update(Officer registrar, UUID id, JsonNode document, Long expectedVersion) {
        checkValues(document);
        SubjectRecord record = held(registrar, id);
        em.refresh(record, LockModeType.PESSIMISTIC_WRITE);
        if (expectedVersion != null && expectedVersion != record.version()) {
            throw new ApiException(ErrorCode.CONFLICT, "The record was changed since version " + expectedVersion
                    + " was read; nothing was changed. Read it again.",
                    List.of(new FieldError("version", "the record is at version " + record.version())));
        }
        String ref = document.get("holderRecordRef").asString();
        if (!ref.equals(record.holderRecordRef()) && findByHolderRef(registrar.agency(), ref).isPresent()) {
            throw duplicate();
        }
        record.replace(document, clock.instant());
        flush();
        log(registrar, AccessAction.RECORD_UPDATED, id, AccessEvent.OK, List.of());
        return view(record);
    }

    @Override
    @Transactional(noRollbackFor = RecordNotVisible.class)
    public void requireHeldBy(Officer officer, UUID recordId) {
        held(officer, recordId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UUID> findByHolderRef(String holderAgency, String holderRecordRef) {
        // Plain SQL: the exchange asks this on every request by reference. Records are written only
        // through the entity, flushed at once (register, update), so this sees every change.
        return jdbc.sql("select id from subject_record where holder_agency = ? and holder_record_ref = ?")
                .params(holderAgency, holderRecordRef).query(UUID.class).optional();
    }

    @Override
    public Optional<UUID> anyHeldBy(String holderAgency) {
        // Plain SQL, one statement, no transaction of its own: the holder's path asks this in its
        // own JDBC-only transaction (the stand-in of "not on record").
        return jdbc.sql("select id from subject_record where holder_agency = ? limit 1").params(holderAgency)
                .query(UUID.class).optional();
    }

    @Override
    public List<UUID> resolve(String holderAgency, SubjectSelector selector) {
        // One statement (the reference's id, or the records of one family name), so no transaction of
        // its own: the holder's path asks this in its own transaction on every request.
        if (selector instanceof SubjectSelector.RecordReference reference) {
            return findByHolderRef(holderAgency, reference.holderRecordRef()).stream().toList();
        }
        IdentityQuery query = identityQuery((SubjectSelector.IdentityQuery) selector);
        // The policy refuses a selector the matcher cannot take before any lookup; matching nothing is the closed answer.
        return query == null ? List.of() : matcher.candidates(holderAgency, query);
    }

    @Override
    @Transactional(readOnly = true)
    public List<List<UUID>> resolveAll(String holderAgency, List<SubjectSelector> selectors) {
        // The references in one read, the identity queries in one read of the family names: each
        // selector then gets exactly what resolve(...) gives it alone.
        List<String> refs = selectors.stream().filter(SubjectSelector.RecordReference.class::isInstance)
                .map(s -> ((SubjectSelector.RecordReference) s).holderRecordRef()).distinct().toList();
        Map<String, UUID> byRef = new java.util.HashMap<>();
        if (!refs.isEmpty()) {
            jdbc.sql("select id, holder_record_ref from subject_record where holder_agency = ?"
                    + " and holder_record_ref = any(?)").params(holderAgency, refs.toArray(String[]::new))
                    .query((rs, n) -> Map.entry(rs.getString("holder_record_ref"), rs.getObject("id", UUID.class)))
                    .list().forEach(found -> byRef.put(found.getKey(), found.getValue()));
        }
        List<IdentityQuery> queries = new java.util.ArrayList<>();
        for (SubjectSelector selector : selectors) {
            queries.add(selector instanceof SubjectSelector.IdentityQuery identity ? identityQuery(identity) : null);
        }
        List<List<UUID>> matched = matcher.candidatesAll(holderAgency, queries);
        List<List<UUID>> resolved = new java.util.ArrayList<>(selectors.size());
        for (int i = 0; i < selectors.size(); i++) {
            if (selectors.get(i) instanceof SubjectSelector.RecordReference reference) {
                resolved.add(Optional.ofNullable(byRef.get(reference.holderRecordRef())).stream().toList());
            } else {
                resolved.add(matched.get(i));
            }
        }
        return resolved;
    }

    /** The matcher's query for an identity selector; null for one the matcher cannot take (it matches nothing). */
    private static IdentityQuery identityQuery(SubjectSelector.IdentityQuery identity) {
        try {
            return new IdentityQuery(identity.familyName(), identity.givenNames(), identity.dateOfBirth(),
                    identity.nationality().map(Object::toString).orElse(null), identity.documentNumber().orElse(null));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    @Transactional(readOnly = true)
    public org.regionalexchange.policy.model.SubjectRecord forPolicy(UUID recordId, List<Consent> consents) {
        return DecisionBridge.facts(readOnly(recordId), consents);
    }

    @Override
    public Optional<RecordFacts> forDecision(UUID recordId, List<Consent> consents) {
        // One plain SELECT of the row (no entity): the holder's path reads a record on every request.
        // One statement, so no transaction of its own: it runs in the caller's, if any.
        return Optional.ofNullable(RecordRow.read(jdbc, recordId)).map(row -> facts(row, consents));
    }

    /** A row's facts as the policy decides on them, with the record's consents. */
    private static RecordFacts facts(RecordRow row, List<Consent> consents) {
        return new RecordFacts(row, DecisionBridge.facts(row.forPolicy(PersonalDataAccess.FOR_POLICY_DECISION), consents));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, Optional<RecordFacts>> forDecisionAll(java.util.Collection<UUID> recordIds,
            Map<UUID, List<Consent>> consents) {
        Map<UUID, Optional<RecordFacts>> read = new java.util.HashMap<>();
        for (RecordRow row : RecordRow.readAll(jdbc, recordIds)) {
            try {
                read.put(row.id(), Optional.of(facts(row, consents.getOrDefault(row.id(), List.of()))));
            } catch (RuntimeException e) {
                // A row that cannot be read as facts decides nothing; the caller shows it as unreadable.
                log.warn("record not readable for a decision recordId={}", row.id());
                read.put(row.id(), Optional.empty());
            }
        }
        return read;
    }

    @Override
    @Transactional(readOnly = true)
    public ObjectNode release(RecordRef judged, Decision decision) {
        // One read of the row: the version compared and the content released come from the same snapshot.
        RecordRow row = RecordRow.read(jdbc, judged.id());
        if (row == null || row.version() != judged.version()) {
            throw new RecordChanged(judged);
        }
        return DecisionBridge.release(row, decision);
    }

    @Override
    public ObjectNode release(RecordFacts read, Decision decision) {
        // The row the decision was made on, read in the caller's transaction: nothing to read again.
        return DecisionBridge.release(read.row(), decision);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ObjectNode> forLiaison(UUID recordId, java.util.Set<org.regionalexchange.policy.model.Category> consentedCategories) {
        SubjectRecord record = readOnly(recordId);
        if (record == null) {
            return Optional.empty();
        }
        return DecisionBridge.forLiaison(record, consentedCategories);
    }

    /**
     * The record for reading only: Hibernate keeps no snapshot of its JSON content and does not
     * compare it at flush, which the holder's read-write transactions would otherwise do for every
     * record a decision reads.
     */
    private SubjectRecord readOnly(UUID recordId) {
        return em.find(SubjectRecord.class, recordId, Map.of(HibernateHints.HINT_READ_ONLY, true));
    }

    /** The record if the officer's agency holds it; otherwise the refusal is logged and 404 thrown. */
    private SubjectRecord held(Officer officer, UUID id) {
        SubjectRecord record = em.find(SubjectRecord.class, id);
        if (record == null || !record.holderAgency().equals(officer.agency())) {
            log(officer, AccessAction.ACCESS_REFUSED, id, AccessEvent.REFUSED,
                    List.of(record == null ? "no_such_record" : "record_of_other_agency"));
            throw new RecordNotVisible();
        }
        return record;
    }

    /** What a schema cannot check: country codes are real ISO 3166-1 codes. */
    static void checkValues(JsonNode document) {
        List<FieldError> errors = CountryCodes.errors();
        JsonNode identity = document.path("identity");
        CountryCodes.check("identity.nationalities", identity.get("nationalities"), errors);
        CountryCodes.check("identity.formerHabitualResidences", identity.get("formerHabitualResidences"), errors);
        JsonNode documents = identity.get("documents");
        if (documents != null) {
            for (int i = 0; i < documents.size(); i++) {
                CountryCodes.check("identity.documents[" + i + "].issuingCountry",
                        documents.get(i).get("issuingCountry"), errors);
            }
        }
        CountryCodes.check("claim.countriesOfFear", document.path("claim").get("countriesOfFear"), errors);
        if (!errors.isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_VALUE, errors.size() + " value(s) of the record are not acceptable.",
                    errors);
        }
    }

    private static ObjectNode view(SubjectRecord record) {
        RecordContent content = record.claim(PersonalDataAccess.FOR_REGISTRAR_VIEW);
        ObjectNode view = JsonText.mapper().createObjectNode();
        view.put("id", record.id().toString());
        view.put("holderAgency", record.holderAgency());
        view.put("holderRecordRef", content.holderRecordRef());
        view.set("identity", content.identity());
        view.set("caseStatus", content.caseStatus());
        putIfPresent(view, "claim", content.claim());
        putIfPresent(view, "family", content.family());
        putIfPresent(view, "contact", content.contact());
        putIfPresent(view, "specificNeeds", content.specificNeeds());
        view.put("protectionHold", content.protectionHold());
        view.put("createdAt", record.createdAt().toString());
        view.put("updatedAt", record.updatedAt().toString());
        view.put("version", record.version());
        return view;
    }

    private static void putIfPresent(ObjectNode view, String field, JsonNode value) {
        if (value != null) {
            view.set(field, value);
        }
    }

    /**
     * Writes the record now. A unique violation means a concurrent registration of the same
     * reference won the race (the only unique key a registrar chooses): 409. Any other failure is
     * the node's, not a conflict, and goes on to the internal-error answer, whose log names only
     * the exception types (the database's message can quote the person's data).
     */
    private void flush() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw duplicate();
            }
            throw e;
        }
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static ApiException duplicate() {
        return new ApiException(ErrorCode.CONFLICT,
                "Your agency already holds a record with this holderRecordRef.",
                List.of(new FieldError("holderRecordRef", "already used by another record of your agency")));
    }

    private void log(Officer officer, AccessAction action, UUID recordId, String outcome, List<String> reasons) {
        accessLog.append(new AccessEvent(clock.instant(), officer.subject(), officer.agency(), node.id(), action,
                recordId, outcome, reasons));
    }
}
