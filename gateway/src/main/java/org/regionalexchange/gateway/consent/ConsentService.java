package org.regionalexchange.gateway.consent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.regionalexchange.gateway.audit.AccessAction;
import org.regionalexchange.gateway.audit.AccessEvent;
import org.regionalexchange.gateway.audit.AccessLog;
import org.regionalexchange.gateway.directory.ParticipantRegistry;
import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.error.FieldError;
import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.gateway.records.RecordNotVisible;
import org.regionalexchange.gateway.records.SubjectRecords;
import org.regionalexchange.gateway.security.Officer;
import org.regionalexchange.gateway.validation.CountryCodes;
import org.regionalexchange.gateway.validation.JsonText;
import org.hibernate.jpa.HibernateHints;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;

/**
 * Records, lists and withdraws consents of the caller's agency's records. The record's agency is
 * checked first (another agency's record is 404, refusal logged); every action is logged.
 */
@Service
class ConsentService implements Consents {

    private final EntityManager em;
    private final SubjectRecords records;
    private final ParticipantRegistry registry;
    private final AccessLog accessLog;
    private final NodeProperties node;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;

    ConsentService(EntityManager em, SubjectRecords records, ParticipantRegistry registry, AccessLog accessLog,
            NodeProperties node, Clock clock, ApplicationEventPublisher events, JdbcClient jdbc) {
        this.events = events;
        this.em = em;
        this.clock = clock;
        this.jdbc = jdbc;
        this.records = records;
        this.registry = registry;
        this.accessLog = accessLog;
        this.node = node;
    }

    @Override
    public java.util.List<org.regionalexchange.policy.model.Consent> forPolicy(UUID recordId) {
        // Plain SQL, no entities: the exchange reads a record's consents on every request. Consents are
        // written only through the entity, flushed before their transaction ends. One statement, so
        // no transaction of its own: it runs in the caller's, if any.
        return jdbc.sql("""
                select id, recipients, purposes, categories, valid_from, valid_until, given_by, withdrawn_at,
                    withdrawal_reason
                from consent where record_id = ? order by recorded_at""").param(recordId)
                .query((rs, n) -> Consent.forPolicy(rs.getObject("id", UUID.class), rs.getString("recipients"),
                        rs.getString("purposes"), rs.getString("categories"),
                        rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
                        rs.getString("given_by"), withdrawnAt(rs.getTimestamp("withdrawn_at")),
                        rs.getString("withdrawal_reason")))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Map<UUID, java.util.List<org.regionalexchange.policy.model.Consent>> forPolicyAll(
            java.util.Collection<UUID> recordIds) {
        java.util.Map<UUID, java.util.List<org.regionalexchange.policy.model.Consent>> byRecord = new java.util.HashMap<>();
        if (recordIds.isEmpty()) {
            return byRecord;
        }
        // The same read as forPolicy, of all the records at once; each record's consents in the same order.
        jdbc.sql("""
                select record_id, id, recipients, purposes, categories, valid_from, valid_until, given_by, withdrawn_at,
                    withdrawal_reason
                from consent where record_id = any(cast(? as uuid[])) order by record_id, recorded_at""")
                .param(recordIds.stream().map(UUID::toString).toArray(String[]::new))
                .query((rs, n) -> java.util.Map.entry(rs.getObject("record_id", UUID.class),
                        Consent.forPolicy(rs.getObject("id", UUID.class), rs.getString("recipients"),
                                rs.getString("purposes"), rs.getString("categories"),
                                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
                                rs.getString("given_by"), withdrawnAt(rs.getTimestamp("withdrawn_at")),
                                rs.getString("withdrawal_reason"))))
                .list().forEach(found -> byRecord.computeIfAbsent(found.getKey(), id -> new java.util.ArrayList<>())
                        .add(found.getValue()));
        return byRecord;
    }

    @Override
    @Transactional(readOnly = true)
    public List<UUID> recordsWithConsentNaming(String organization, String agency, LocalDate date) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                select distinct record_id from consent
                where withdrawn_at is null and valid_from <= :date and (valid_until is null or valid_until > :date)
                  and (recipients @> cast(:organization as jsonb) or recipients @> cast(:agency as jsonb))
                order by record_id""", UUID.class)
                .setParameter("date", date)
                .setParameter("organization", JsonText.mapper().createArrayNode().add(
                        JsonText.mapper().createObjectNode().put("organization", organization)).toString())
                .setParameter("agency", JsonText.mapper().createArrayNode().add(
                        JsonText.mapper().createObjectNode().put("agency", agency)).toString())
                .getResultList();
        return ids;
    }

    @Override
    @Transactional(noRollbackFor = RecordNotVisible.class)
    public UUID record(Officer registrar, UUID recordId, JsonNode document) {
        checkValues(document);
        records.requireHeldBy(registrar, recordId);
        Consent consent = new Consent(UUID.randomUUID(), recordId, registrar.agency(), document,
                registrar.subject(), clock.instant());
        em.persist(consent);
        log(registrar, AccessAction.CONSENT_RECORDED, recordId, List.of());
        return consent.id();
    }

    @Transactional(noRollbackFor = RecordNotVisible.class)
    List<ConsentView> list(Officer registrar, UUID recordId) {
        records.requireHeldBy(registrar, recordId);
        LocalDate today = today();
        List<ConsentView> views = em.createQuery("select c from Consent c where c.recordId = :record", Consent.class)
                .setParameter("record", recordId)
                .getResultStream()
                .map(c -> c.view(today))
                .sorted(Comparator.comparing(ConsentView::recordedAt).thenComparing(ConsentView::id))
                .toList();
        log(registrar, AccessAction.CONSENTS_LISTED, recordId, List.of());
        return views;
    }

    @Transactional(noRollbackFor = RecordNotVisible.class)
    ConsentView withdraw(Officer registrar, UUID recordId, UUID consentId, String reason) {
        records.requireHeldBy(registrar, recordId);
        Consent consent = em.find(Consent.class, consentId);
        if (consent == null || !consent.recordId().equals(recordId)) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No consent with this id on this record.");
        }
        if (consent.isWithdrawn()) {
            throw new ApiException(ErrorCode.CONFLICT, "This consent has already been withdrawn.");
        }
        consent.withdraw(registrar.subject(), reason, clock.instant());
        em.flush();
        log(registrar, AccessAction.CONSENT_WITHDRAWN, recordId, List.of());
        // What was sent on the strength of this consent stops in this same transaction (referrals).
        events.publishEvent(new ConsentWithdrawn(recordId, consentId, consent.recipients(), registrar.subject(),
                registrar.agency(), clock.instant()));
        return consent.view(today());
    }

    /** Values a schema cannot check: real country codes, registered agencies, a sane validity. */
    private void checkValues(JsonNode document) {
        List<FieldError> errors = CountryCodes.errors();
        JsonNode recipients = document.get("recipients");
        for (int i = 0; i < recipients.size(); i++) {
            JsonNode recipient = recipients.get(i);
            CountryCodes.check("recipients[" + i + "].country", recipient.get("country"), errors);
            JsonNode agency = recipient.get("agency");
            if (agency != null && registry.agency(agency.asString()).isEmpty()) {
                errors.add(new FieldError("recipients[" + i + "].agency",
                        "Unknown agency '" + agency.asString() + "'; expected an agency of the participant registry"));
            }
        }
        JsonNode until = document.get("validUntil");
        if (until != null && LocalDate.parse(until.asString()).isBefore(LocalDate.parse(document.get("validFrom").asString()))) {
            errors.add(new FieldError("validUntil", "must not be before validFrom"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_VALUE, errors.size() + " value(s) of the consent are not acceptable.",
                    errors);
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private void log(Officer officer, AccessAction action, UUID recordId, List<String> reasons) {
        accessLog.append(new AccessEvent(clock.instant(), officer.subject(), officer.agency(), node.id(), action,
                recordId, AccessEvent.OK, reasons));
    }

    private static Instant withdrawnAt(java.sql.Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
