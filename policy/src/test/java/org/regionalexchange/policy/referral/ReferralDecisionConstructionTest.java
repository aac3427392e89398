package org.regionalexchange.policy.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.regionalexchange.policy.model.AgencyId;
import org.regionalexchange.policy.model.ConsentGiver;
import org.regionalexchange.policy.model.Party;

/** A referral decision cannot be built inconsistent, even inside the package: its constructor checks it. */
class ReferralDecisionConstructionTest {
    private static final ContactBlock CONTACT = new ContactBlock(Optional.empty(), "Unit", Optional.empty(), "1",
            Optional.empty(), "Address", "24/7", Optional.empty());
    private static final DirectoryAgency CHILD_PROTECTION = new DirectoryAgency(AgencyId.of("KZ-CHILD-PROTECTION"), "CP",
            Party.country("KZ"), EnumSet.of(AgencyFunction.CHILD_PROTECTION), CONTACT);
    private static final ReferredPerson PERSON = new ReferredPerson(PersonSource.SCREENING, Optional.empty(), Set.of(),
            Set.of(), Set.of(), Set.of(), Indicators.none());

    private static ReferralRequest request(ReferralType type, Set<ReferralCategory> categories) {
        return new ReferralRequest(PERSON, CHILD_PROTECTION, type, categories,
                Optional.of(new ReferralConsent(ConsentGiver.GUARDIAN, "ru", false, Optional.empty())), Optional.empty());
    }

    @Test
    void aReferralThatLeavesCarriesOnlyWhatItsTypeMayAndNamesThePerson() {
        ReferralDecision ok = ReferralDecision.referred(request(ReferralType.CHILD_PROTECTION,
                EnumSet.of(ReferralCategory.IDENTITY, ReferralCategory.SPECIFIC_NEEDS)), Priority.HIGH, ReferralBasis.CONSENT);
        assertTrue(ok.isReferred());
        assertEquals(Optional.of(ReferralBasis.CONSENT), ok.basis());
        assertThrows(IllegalStateException.class, () -> ReferralDecision.referred(request(ReferralType.CHILD_PROTECTION,
                EnumSet.of(ReferralCategory.IDENTITY, ReferralCategory.CLAIM)), Priority.HIGH, ReferralBasis.CONSENT));
        assertThrows(IllegalStateException.class, () -> ReferralDecision.referred(request(ReferralType.CHILD_PROTECTION,
                EnumSet.of(ReferralCategory.SPECIFIC_NEEDS)), Priority.HIGH, ReferralBasis.CONSENT));
    }

    @Test
    void aBestInterestReferralGoesOnlyToChildProtectionWithoutConfidentialData() {
        assertThrows(IllegalStateException.class, () -> ReferralDecision.referred(request(ReferralType.ASYLUM_PROCEDURE,
                EnumSet.of(ReferralCategory.IDENTITY)), Priority.HIGH, ReferralBasis.CHILD_BEST_INTEREST));
        assertThrows(IllegalStateException.class, () -> ReferralDecision.referred(request(ReferralType.CHILD_PROTECTION,
                EnumSet.of(ReferralCategory.IDENTITY, ReferralCategory.SCREENING)), Priority.HIGH,
                ReferralBasis.CHILD_BEST_INTEREST));
    }

    @Test
    void aRefusalCarriesNothingAndSaysWhy() {
        ReferralRequest request = request(ReferralType.CHILD_PROTECTION, EnumSet.of(ReferralCategory.IDENTITY));
        ReferralDecision refused = ReferralDecision.refused(request, Priority.NORMAL,
                EnumSet.of(ReferralReasonCode.CONSENT_REQUIRED), Map.of());
        assertTrue(refused.categories().isEmpty() && refused.basis().isEmpty());
        assertThrows(IllegalStateException.class, () -> ReferralDecision.refused(request, Priority.NORMAL, Set.of(), Map.of()));
        assertThrows(IllegalStateException.class, () -> ReferralDecision.refused(request, Priority.NORMAL,
                EnumSet.of(ReferralReasonCode.CONSENT_REQUIRED),
                Map.of(ReferralCategory.IDENTITY, ReferralReasonCode.CATEGORY_NOT_HELD)));
    }

    @Test
    void reasonCodesAreStableAndFound() {
        for (ReferralReasonCode code : ReferralReasonCode.values()) {
            assertEquals(code, ReferralReasonCode.fromCode(code.code()));
            assertTrue(code.code().matches("[a-z][a-z_]*[a-z]") && !code.message().isBlank(), code.name());
        }
        assertThrows(IllegalArgumentException.class, () -> ReferralReasonCode.fromCode("no_such_code"));
    }
}
