package org.regionalexchange.gateway.directory;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.regionalexchange.gateway.keys.PemKeys;
import org.regionalexchange.gateway.validation.JsonText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.node.ArrayNode;

/**
 * Persists the participant registry at start-up so that its history is kept: a node or agency that
 * is new, changed or gone in the registry file becomes an Envers revision (reason
 * {@code deployment file}). {@link ParticipantRegistry} stays the in-memory read API.
 */
@Component
@Order(10)
class RegistrySynchronizer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RegistrySynchronizer.class);
    /** The advisory lock key of the start-up synchronization ("registry" in ASCII). */
    static final long SYNCHRONIZE_LOCK = 0x7265676973747279L;

    private final ParticipantRegistry registry;
    private final EntityManager em;
    private final TransactionTemplate transactions;
    private final RevisionReasons revisions;

    RegistrySynchronizer(ParticipantRegistry registry, EntityManager em, TransactionTemplate transactions,
            RevisionReasons revisions) {
        this.registry = registry;
        this.em = em;
        this.transactions = transactions;
        this.revisions = revisions;
    }

    @Override
    public void run(ApplicationArguments args) {
        int changed = revisions.with("deployment file", () -> transactions.execute(status -> synchronize()));
        log.info("participant registry persisted: nodes={} agencies={} changed={}", registry.nodes().size(),
                registry.agencies().size(), changed);
    }

    private int synchronize() {
        // Replicas of a node start together on one database: one synchronizes at a time, the others
        // then find the rows it wrote (without the lock both insert the same new node and one fails).
        em.createNativeQuery("SELECT pg_advisory_xact_lock(" + SYNCHRONIZE_LOCK + ")").getSingleResult();
        int changed = 0;
        Set<String> nodeIds = new HashSet<>();
        for (RegisteredNode node : registry.nodes()) {
            nodeIds.add(node.id());
            ArrayNode keys = JsonText.mapper().createArrayNode();
            node.keys().forEach(k -> keys.addObject().put("kid", k.kid()).put("publicKey", PemKeys.toPem(k.publicKey())));
            RegistryNodeEntry entry = em.find(RegistryNodeEntry.class, node.id());
            if (entry == null) {
                entry = new RegistryNodeEntry(node.id());
                entry.apply(node.country(), node.organization(), node.baseUrl(), JsonText.of(keys));
                em.persist(entry);
                changed++;
            } else if (entry.apply(node.country(), node.organization(), node.baseUrl(), JsonText.of(keys))) {
                changed++;
            }
        }
        Set<String> agencyIds = new HashSet<>();
        for (Agency agency : registry.agencies()) {
            agencyIds.add(agency.id());
            String functions = JsonText.of(JsonText.mapper().valueToTree(agency.functions()));
            String contact = JsonText.of(JsonText.mapper().valueToTree(agency.contact()));
            RegistryAgencyEntry entry = em.find(RegistryAgencyEntry.class, agency.id());
            if (entry == null) {
                entry = new RegistryAgencyEntry(agency.id());
                entry.apply(agency.node(), agency.organization(), agency.name(), functions, contact);
                em.persist(entry);
                changed++;
            } else if (entry.apply(agency.node(), agency.organization(), agency.name(), functions, contact)) {
                changed++;
            }
        }
        changed += removeMissing(RegistryAgencyEntry.class, agencyIds);
        changed += removeMissing(RegistryNodeEntry.class, nodeIds);
        return changed;
    }

    private <T> int removeMissing(Class<T> type, Set<String> present) {
        List<String> stored = em.createQuery("select e.id from " + type.getSimpleName() + " e", String.class)
                .getResultList();
        int removed = 0;
        for (String id : stored) {
            if (!present.contains(id)) {
                em.remove(em.find(type, id));
                removed++;
            }
        }
        return removed;
    }
}
