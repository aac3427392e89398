package org.regionalexchange.gateway.agreements;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

import org.regionalexchange.policy.model.Category;
import org.regionalexchange.policy.model.Party;
import org.regionalexchange.policy.model.Purpose;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.error.FieldError;
import org.regionalexchange.gateway.validation.CountryCodes;
import org.regionalexchange.gateway.validation.JsonText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;

/** Creates, updates and answers questions about agreements; checks what the schema cannot. */
@Service
class AgreementService implements Agreements {

    private final EntityManager em;
    private final JdbcClient jdbc;

    /** The agreements as the policy sees them, with the table's revision they were read at (V44). */
    private volatile Converted converted;

    private record Converted(long revision, List<org.regionalexchange.policy.model.Agreement> agreements) {
    }

    AgreementService(EntityManager em, JdbcClient jdbc) {
        this.em = em;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    List<Agreement> all() {
        return em.createQuery("select a from Agreement a order by a.agreementId", Agreement.class).getResultList();
    }

    @Transactional(readOnly = true)
    Agreement get(String agreementId) {
        Agreement agreement = em.find(Agreement.class, agreementId);
        if (agreement == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No agreement with this id.");
        }
        return agreement;
    }

    @Transactional
    Agreement create(JsonNode document) {
        check(document);
        String id = document.get("agreementId").asString();
        if (em.find(Agreement.class, id) != null) {
            throw new ApiException(ErrorCode.CONFLICT, "An agreement with this id exists; use PUT to change it.",
                    List.of(new FieldError("agreementId", "already exists")));
        }
        Agreement agreement = new Agreement(id);
        agreement.apply(document, "ADMIN");
        em.persist(agreement);
        return agreement;
    }

    @Transactional
    Agreement update(String agreementId, JsonNode document) {
        check(document);
        if (!agreementId.equals(document.get("agreementId").asString())) {
            throw new ApiException(ErrorCode.INVALID_VALUE, "The body names another agreement than the path.",
                    List.of(new FieldError("agreementId", "must equal the agreement id of the path")));
        }
        Agreement agreement = get(agreementId);
        agreement.apply(document, "ADMIN");
        return agreement;
    }

    /** Creates or updates the agreement of a deployment file entry; returns true if anything changed. */
    @Transactional
    boolean synchronize(JsonNode document) {
        String id = document.get("agreementId").asString();
        Agreement agreement = em.find(Agreement.class, id);
        if (agreement == null) {
            agreement = new Agreement(id);
            agreement.apply(document, "FILE");
            em.persist(agreement);
            return true;
        }
        return agreement.apply(document, "FILE");
    }

    /**
     * Every agreement as the policy sees them. Every exchange asks, so the converted list is kept
     * and reused while the table's revision, read by its key in the caller's transaction, is
     * unchanged: every change to the table moves it forward in the changing transaction (V44's
     * trigger), so a change by any replica, the admin API, the deployment file or by hand is seen by
     * the next decision.
     */
    @Override
    @Transactional(readOnly = true)
    public List<org.regionalexchange.policy.model.Agreement> forPolicy() {
        return forPolicyAt(jdbc.sql("select " + REVISION_SUBQUERY).query(Long.class).single());
    }

    /**
     * The rows are read after the revision (here, or in an earlier statement of the caller's
     * transaction), so a list is never older than the revision it is kept under. No transaction of
     * its own: a hit reads nothing, a miss one statement, in the caller's transaction if there is one
     * (the holder's path calls this on every exchange, and joining costs more than the hit).
     */
    @Override
    public List<org.regionalexchange.policy.model.Agreement> forPolicyAt(long revision) {
        Converted known = converted;
        if (known != null && known.revision() == revision) {
            return known.agreements();
        }
        // Plain SQL, as the entity's columns: the holder's path asks this in its own JDBC-only transaction.
        List<org.regionalexchange.policy.model.Agreement> fresh = jdbc.sql(
                        "select agreement_id, parties, purposes, valid_from, valid_until from agreement order by agreement_id")
                .query((rs, n) -> forPolicy(rs.getString("agreement_id"), JsonText.parse(rs.getString("parties")),
                        JsonText.parse(rs.getString("purposes")), rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_until", LocalDate.class)))
                .list();
        converted = new Converted(revision, fresh);
        return fresh;
    }

    private static org.regionalexchange.policy.model.Agreement forPolicy(String agreementId, JsonNode partyNodes,
            JsonNode purposes, LocalDate validFrom, LocalDate validUntil) {
        List<Party> parties = new ArrayList<>();
        partyNodes.forEach(p -> parties.add(p.has("country") ? Party.country(p.get("country").asString())
                : Party.organization(p.get("organization").asString())));
        Map<Purpose, Set<Category>> coverage = new EnumMap<>(Purpose.class);
        for (JsonNode entry : purposes) {
            Set<Category> categories = EnumSet.noneOf(Category.class);
            entry.get("categories").forEach(c -> categories.add(Category.valueOf(c.asString())));
            coverage.put(Purpose.valueOf(entry.get("purpose").asString()), categories);
        }
        return new org.regionalexchange.policy.model.Agreement(agreementId, parties.get(0), parties.get(1), validFrom,
                Optional.ofNullable(validUntil), coverage);
    }

    /** Real country codes, two different parties, each purpose once, a sane validity. */
    static void check(JsonNode document) {
        List<FieldError> errors = problems(document);
        if (!errors.isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_VALUE, errors.size() + " value(s) of the agreement are not acceptable.",
                    errors);
        }
    }

    static List<FieldError> problems(JsonNode document) {
        List<FieldError> errors = CountryCodes.errors();
        JsonNode parties = document.get("parties");
        for (int i = 0; i < parties.size(); i++) {
            CountryCodes.check("parties[" + i + "].country", parties.get(i).get("country"), errors);
        }
        if (parties.size() == 2 && parties.get(0).equals(parties.get(1))) {
            errors.add(new FieldError("parties", "the two parties must differ"));
        }
        Set<String> purposes = new HashSet<>();
        JsonNode entries = document.get("purposes");
        for (int i = 0; i < entries.size(); i++) {
            String purpose = entries.get(i).get("purpose").asString();
            if (!purposes.add(purpose)) {
                errors.add(new FieldError("purposes[" + i + "].purpose", "purpose '" + purpose + "' is listed twice"));
            }
        }
        JsonNode until = document.get("validUntil");
        if (until != null && LocalDate.parse(until.asString()).isBefore(LocalDate.parse(document.get("validFrom").asString()))) {
            errors.add(new FieldError("validUntil", "must not be before validFrom"));
        }
        return errors;
    }
}
