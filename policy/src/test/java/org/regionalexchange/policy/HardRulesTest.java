package org.regionalexchange.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.regionalexchange.policy.config.JustificationPolicy;
import org.regionalexchange.policy.config.PolicyConfig;
import org.regionalexchange.policy.config.PurposePolicy;
import org.regionalexchange.policy.model.AgencyId;
import org.regionalexchange.policy.model.Agreement;
import org.regionalexchange.policy.model.BirthDate;
import org.regionalexchange.policy.model.Category;
import org.regionalexchange.policy.model.IncomingRequest;
import org.regionalexchange.policy.model.InformationRequest;
import org.regionalexchange.policy.model.JustificationHistory;
import org.regionalexchange.policy.model.LegalBasis;
import org.regionalexchange.policy.model.NodeId;
import org.regionalexchange.policy.model.Party;
import org.regionalexchange.policy.model.Purpose;
import org.regionalexchange.policy.model.Requester;
import org.regionalexchange.policy.model.RequesterRole;
import org.regionalexchange.policy.model.SubjectRecord;
import org.regionalexchange.policy.model.SubjectSelector;
import org.regionalexchange.policy.model.Urgency;

/**
 * A configuration built in code (which skips the loader's refusal) that allows every category for every
 * purpose still cannot open what the hard rules close: the rules are code, not data.
 */
class HardRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    private final PolicyEngine engine = PolicyEngine.of(allowEverything());

    private static PolicyConfig allowEverything() {
        EnumMap<Purpose, PurposePolicy> purposes = new EnumMap<>(Purpose.class);
        for (Purpose p : Purpose.values()) {
            purposes.put(p, new PurposePolicy(p, true, EnumSet.allOf(Category.class), Period.ofDays(30), Map.of()));
        }
        return new PolicyConfig("allow-everything", ZoneOffset.UTC, Duration.ofMinutes(2), purposes,
                new JustificationPolicy(20, 1, Duration.ofDays(30), List.of()), List.of());
    }

    private Decision decide(Purpose purpose, Set<Category> categories, String nationality) {
        Requester kg = new Requester(NodeId.of("kg"), Party.country("KG"), AgencyId.of("KG-SMS"), RequesterRole.OFFICER);
        InformationRequest request = new InformationRequest(kg, purpose, LegalBasis.AGREEMENT, "KG-SMS-1",
                "Specific reason for case KG-SMS-1 about this one person.", categories, Urgency.ROUTINE,
                new SubjectSelector.RecordReference("KZ-1"));
        EnumMap<Purpose, Set<Category>> all = new EnumMap<>(Purpose.class);
        for (Purpose p : Purpose.values()) {
            all.put(p, EnumSet.allOf(Category.class));
        }
        Agreement agreement = new Agreement("A", Party.country("KZ"), Party.country("KG"), LocalDate.of(2026, 1, 1),
                Optional.empty(), all);
        SubjectRecord record = new SubjectRecord("KZ-1", Set.of(org.regionalexchange.policy.model.CountryCode.of(nationality)),
                Set.of(), Set.of(), Optional.of(BirthDate.parse("1990")), Set.of(), false, List.of());
        return engine.decide(new IncomingRequest(request, Set.of(kg.agency()), Party.country("KZ"), List.of(agreement),
                JustificationHistory.none("k")), List.of(record), NOW);
    }

    @Test
    void contactNeverLeavesForSecurityOrExclusionWhateverTheFileSays() {
        for (Purpose purpose : List.of(Purpose.SECURITY_SCREENING, Purpose.EXCLUSION_ASSESSMENT)) {
            Decision d = decide(purpose, EnumSet.of(Category.IDENTITY, Category.CONTACT), "AF");
            assertEquals(Optional.of(ReasonCode.CONTACT_NOT_FOR_SECURITY_OR_EXCLUSION),
                    d.verdicts().get(Category.CONTACT).withheldBecause(), d.toString());
        }
    }

    @Test
    void specificNeedsNeverLeaveForOtherThanProtectionPurposes() {
        Decision d = decide(Purpose.RSD_CASE_PROCESSING, EnumSet.of(Category.SPECIFIC_NEEDS), "AF");
        assertEquals(Outcome.REFUSED, d.outcome());
        assertEquals(Optional.of(ReasonCode.SPECIFIC_NEEDS_PROTECTION_PURPOSES_ONLY),
                d.verdicts().get(Category.SPECIFIC_NEEDS).withheldBecause());
    }

    @Test
    void confidentialCategoriesStillNeedConsent() {
        Decision d = decide(Purpose.PROTECTION_REFERRAL, EnumSet.allOf(Category.class), "AF");
        assertEquals(Outcome.PARTIALLY_RELEASED, d.outcome());
        for (Category category : Category.values()) {
            assertEquals(category.requiresConsent(), d.verdicts().get(category).status() == VerdictStatus.WITHHELD,
                    category + " in " + d);
        }
    }

    @Test
    void countryOfOriginIsNotAvailableWhateverTheFileSays() {
        Decision d = decide(Purpose.PROTECTION_REFERRAL, EnumSet.of(Category.IDENTITY), "KG");
        assertEquals(Outcome.NOT_AVAILABLE, d.outcome());
        assertEquals(Optional.of(ReasonCode.COUNTRY_OF_ORIGIN_ON_RECORD), d.internalReason());
        assertTrue(d.requesterView().reasons().isEmpty());
    }
}
