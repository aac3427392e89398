package org.regionalexchange.gateway.liaison;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.regionalexchange.gateway.audit.AccessAction;
import org.regionalexchange.gateway.audit.AccessEvent;
import org.regionalexchange.gateway.audit.AccessLog;
import org.regionalexchange.gateway.audit.ExchangeDetail;
import org.regionalexchange.gateway.consent.Consents;
import org.regionalexchange.gateway.directory.Agency;
import org.regionalexchange.gateway.directory.ParticipantRegistry;
import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.gateway.records.SubjectRecords;
import org.regionalexchange.gateway.security.Officer;
import org.regionalexchange.policy.model.AgencyId;
import org.regionalexchange.policy.model.Category;
import org.regionalexchange.policy.model.Consent;
import org.regionalexchange.policy.model.NodeId;
import org.regionalexchange.policy.model.Party;
import org.regionalexchange.policy.model.Requester;
import org.regionalexchange.policy.model.RequesterRole;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.node.ObjectNode;

/**
 * What the UNHCR liaison may see (ARCHITECTURE.md §8): records of this node that have a consent in
 * force today naming the liaison's organization (or its agency), and of each only the categories
 * those consents cover. Consent semantics are the policy's ({@link Consent#names},
 * {@link Consent#isInForceOn}, {@link Consent#isWithdrawnBy}): the end date is exclusive and a
 * withdrawal hides the record at once. Records on protection hold are never shown. Every list and
 * view is logged in the transaction that reads it.
 */
@Service
class LiaisonService {

    private final SubjectRecords records;
    private final Consents consents;
    private final ParticipantRegistry registry;
    private final AccessLog accessLog;
    private final NodeProperties node;
    private final Clock clock;

    LiaisonService(SubjectRecords records, Consents consents, ParticipantRegistry registry, AccessLog accessLog,
            NodeProperties node, Clock clock) {
        this.records = records;
        this.consents = consents;
        this.registry = registry;
        this.accessLog = accessLog;
        this.node = node;
        this.clock = clock;
    }

    /** One covered record, as listed: no personal data beyond the id and what the consents cover. */
    record Covered(UUID id, List<Category> categories) {
    }

    @Transactional
    List<Covered> list(Officer liaison) {
        Liaison who = liaison(liaison);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<Covered> covered = new ArrayList<>();
        for (UUID id : consents.recordsWithConsentNaming(who.organization(), liaison.agency(), today)) {
            Set<Category> categories = covering(id, who.requester(), now);
            if (!categories.isEmpty() && !records.forPolicy(id, List.of()).protectionHold()) {
                covered.add(new Covered(id, List.copyOf(categories)));
            }
        }
        accessLog.append(new AccessEvent(now, liaison.subject(), liaison.agency(), node.id(), AccessAction.LIAISON_LIST,
                null, AccessEvent.OK, List.of()));
        return covered;
    }

    @Transactional(noRollbackFor = {NotCoveredForLiaison.class, NotAnOrganizationOffice.class})
    ObjectNode view(Officer liaison, UUID recordId) {
        Instant now = clock.instant();
        Liaison who;
        try {
            who = liaison(liaison);
        } catch (NotAnOrganizationOffice e) {
            accessLog.append(new AccessEvent(now, liaison.subject(), liaison.agency(), node.id(),
                    AccessAction.ACCESS_REFUSED, recordId, AccessEvent.REFUSED, List.of("not_an_organization_office")));
            throw e;
        }
        Set<Category> categories = covering(recordId, who.requester(), now);
        ObjectNode view = categories.isEmpty() ? null : records.forLiaison(recordId, categories).orElse(null);
        if (view == null) {
            accessLog.append(new AccessEvent(now, liaison.subject(), liaison.agency(), node.id(),
                    AccessAction.ACCESS_REFUSED, recordId, AccessEvent.REFUSED, List.of("no_consent_for_liaison")));
            throw new NotCoveredForLiaison();
        }
        List<String> shown = new ArrayList<>();
        view.path("categories").propertyNames().forEach(shown::add);
        accessLog.append(new AccessEvent(now, liaison.subject(), liaison.agency(), node.id(), AccessAction.LIAISON_VIEW,
                recordId, AccessEvent.OK, List.of(), new ExchangeDetail(null, node.id(), who.organization(),
                        view.path("holderAgency").asString(), null, shown, null, null, null, null)));
        return view;
    }

    /** The union of the categories of the consents in force now that name the liaison. */
    private Set<Category> covering(UUID recordId, Requester requester, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Set<Category> categories = EnumSet.noneOf(Category.class);
        for (Consent consent : consents.forPolicy(recordId)) {
            if (consent.names(requester) && consent.isInForceOn(today) && !consent.isWithdrawnBy(now)) {
                categories.addAll(consent.categories());
            }
        }
        return categories;
    }

    private record Liaison(String organization, Requester requester) {
    }

    /** The caller's organization: a liaison acts for an organization's office, or not at all. */
    private Liaison liaison(Officer officer) {
        Agency agency = registry.agency(officer.agency()).orElseThrow();
        if (agency.organization() == null) {
            throw new NotAnOrganizationOffice();
        }
        return new Liaison(agency.organization(), new Requester(NodeId.of(node.id()),
                Party.organization(agency.organization()), AgencyId.of(agency.id()), RequesterRole.LIAISON));
    }
}
