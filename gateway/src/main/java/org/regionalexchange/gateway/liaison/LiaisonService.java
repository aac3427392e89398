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
import org.regionalexchange.policy.InternalDetail;
import org.regionalexchange.policy.PolicyEngine;
import org.regionalexchange.policy.ReasonCode;
import org.regionalexchange.policy.model.AgencyId;
import org.regionalexchange.policy.model.Category;
import org.regionalexchange.policy.model.Consent;
import org.regionalexchange.policy.model.NodeId;
import org.regionalexchange.policy.model.Party;
import org.regionalexchange.policy.model.Requester;
import org.regionalexchange.policy.model.RequesterRole;
import org.regionalexchange.policy.model.SubjectRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the UNHCR liaison may see (docs/design.md §8): records of this node that have a consent in
 * force today naming the liaison's organization (or its agency), and of each only the categories
 * those consents cover. Consent semantics are the policy's ({@link Consent#names},
 * {@link Consent#isInForceOn}, {@link Consent#isWithdrawnBy}): the end date is exclusive and a
 * withdrawal hides the record at once. Records on protection hold are never shown. About a child, or
 * when specific needs would be shown, the liaison sees IDENTITY and CASE_STATUS only, as an agency
 * would before the holder's review (the policy's {@link PolicyEngine#reviewCauses}). Every list and
 * view is logged in the transaction that reads it.
 */
@Service
class LiaisonService {

    /** What a review never has to look at first (docs/design.md §6 step 9: "beyond identity and status"). */
    private static final Set<Category> WITHOUT_REVIEW = EnumSet.of(Category.IDENTITY, Category.CASE_STATUS);

    private final SubjectRecords records;
    private final Consents consents;
    private final ParticipantRegistry registry;
    private final AccessLog accessLog;
    private final NodeProperties node;
    private final Clock clock;
    private final PolicyEngine engine;

    LiaisonService(SubjectRecords records, Consents consents, ParticipantRegistry registry, AccessLog accessLog,
            NodeProperties node, Clock clock, PolicyEngine engine) {
        this.engine = engine;
        this.records = records;
        this.consents = consents;
        this.registry = registry;
        this.accessLog = accessLog;
        this.node = node;
        this.clock = clock;
    }

    /**
     * One covered record, as listed: no personal data beyond the id, the categories the view shows and
     * those it holds back for the holder's review (null when none).
     */
    record Covered(UUID id, List<Category> categories, List<Withheld> withheld) {
    }

    /** A consented category the liaison does not see until the holder's reviewer has looked at it. */
    record Withheld(Category category, String code) {
    }

    @Transactional
    List<Covered> list(Officer liaison) {
        Liaison who = liaison(liaison);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<Covered> covered = new ArrayList<>();
        for (UUID id : consents.recordsWithConsentNaming(who.organization(), liaison.agency(), today)) {
            Set<Category> categories = covering(id, who.requester(), now);
            SubjectRecord facts = categories.isEmpty() ? null : records.forPolicy(id, List.of());
            if (facts != null && !facts.protectionHold()) {
                Shown shown = shown(facts, categories, now);
                covered.add(new Covered(id, List.copyOf(shown.categories()),
                        shown.withheld().isEmpty() ? null : shown.withheld()));
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
        Shown shown = categories.isEmpty() ? null : shown(records.forPolicy(recordId, List.of()), categories, now);
        ObjectNode view = shown == null ? null : records.forLiaison(recordId, shown.categories()).orElse(null);
        if (view == null) {
            accessLog.append(new AccessEvent(now, liaison.subject(), liaison.agency(), node.id(),
                    AccessAction.ACCESS_REFUSED, recordId, AccessEvent.REFUSED, List.of("no_consent_for_liaison")));
            throw new NotCoveredForLiaison();
        }
        if (!shown.withheld().isEmpty()) {
            ArrayNode withheld = view.putArray("withheld");
            shown.withheld().forEach(w -> withheld.addObject().put("category", w.category().name()).put("code", w.code()));
        }
        List<String> released = new ArrayList<>();
        view.path("categories").propertyNames().forEach(released::add);
        accessLog.append(new AccessEvent(now, liaison.subject(), liaison.agency(), node.id(), AccessAction.LIAISON_VIEW,
                recordId, AccessEvent.OK, shown.reasonCodes(), new ExchangeDetail(null, node.id(), who.organization(),
                        view.path("holderAgency").asString(), null, released, null, null, null, null)));
        return view;
    }

    /**
     * What the liaison sees of the consented categories: all of them, unless the policy's own review rule
     * (docs/design.md §6 step 9: a subject who is or could be a child, or specific needs) asks for the
     * holder's reviewer — then IDENTITY and CASE_STATUS only, the rest held back with {@code review_required}.
     */
    private Shown shown(SubjectRecord facts, Set<Category> consented, Instant now) {
        List<InternalDetail> causes = engine.reviewCauses(facts, consented, now);
        if (causes.isEmpty()) {
            return new Shown(consented, List.of(), List.of());
        }
        Set<Category> shown = EnumSet.noneOf(Category.class);
        List<Withheld> withheld = new ArrayList<>();
        for (Category category : consented) {
            if (WITHOUT_REVIEW.contains(category)) {
                shown.add(category);
            } else {
                withheld.add(new Withheld(category, ReasonCode.REVIEW_REQUIRED.code()));
            }
        }
        List<String> codes = new ArrayList<>();
        causes.stream().map(c -> c.code().code()).distinct().forEach(codes::add);
        codes.add(ReasonCode.REVIEW_REQUIRED.code());
        return new Shown(shown, List.copyOf(withheld), codes);
    }

    /** The categories shown, those held back for review, and the reasons for the access log. */
    private record Shown(Set<Category> categories, List<Withheld> withheld, List<String> reasonCodes) {
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
