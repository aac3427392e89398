package org.regionalexchange.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.regionalexchange.policy.model.Category;
import org.regionalexchange.policy.model.Purpose;

/**
 * A decision cannot be built inconsistent, and a review can only turn "awaiting review" into released or
 * withheld: what steps 1-8 withheld is out of its reach by construction.
 */
class DecisionConstructionTest {
    private static final Obligations OBLIGATIONS = new Obligations(HandlingCode.NO_ONWARD_TRANSFER,
            Purpose.PROTECTION_REFERRAL, LocalDate.of(2027, 1, 1), Map.of());

    private static EnumMap<Category, CategoryVerdict> verdicts(CategoryVerdict... verdicts) {
        EnumMap<Category, CategoryVerdict> map = new EnumMap<>(Category.class);
        for (CategoryVerdict v : verdicts) {
            map.put(v.category(), v);
        }
        return map;
    }

    private static Decision pending() {
        return Decision.fromVerdicts(verdicts(CategoryVerdict.awaitingReview(Category.IDENTITY),
                CategoryVerdict.awaitingReview(Category.SPECIFIC_NEEDS),
                CategoryVerdict.withheld(Category.CLAIM, ReasonCode.CONSENT_REQUIRED),
                CategoryVerdict.withheld(Category.CONTACT, ReasonCode.CATEGORY_NOT_ALLOWED_FOR_PURPOSE)),
                Optional.of(OBLIGATIONS), List.of(InternalDetail.of(Category.SPECIFIC_NEEDS, ReasonCode.REVIEW_SPECIFIC_NEEDS, "")));
    }

    @Test
    void approvalReleasesExactlyWhatAwaitedReview() {
        Decision pending = pending();
        assertEquals(Outcome.PENDING_REVIEW, pending.outcome());
        Decision approved = pending.reviewed(ReviewVerdict.APPROVE);
        assertEquals(Outcome.PARTIALLY_RELEASED, approved.outcome());
        assertEquals(List.of(Category.IDENTITY, Category.SPECIFIC_NEEDS), approved.categories(VerdictStatus.RELEASED));
        assertEquals(pending.verdicts().get(Category.CLAIM), approved.verdicts().get(Category.CLAIM));
        assertEquals(pending.verdicts().get(Category.CONTACT), approved.verdicts().get(Category.CONTACT));
        assertEquals(Optional.of(OBLIGATIONS), approved.obligations());
        assertEquals(ReasonCode.REVIEW_APPROVED, approved.internalDetails().get(1).code());
        assertEquals(List.of(ReasonCode.CATEGORY_NOT_ALLOWED_FOR_PURPOSE, ReasonCode.CONSENT_REQUIRED),
                approved.reasons().stream().map(Reason::code).toList());
    }

    @Test
    void rejectionReleasesNothing() {
        Decision rejected = pending().reviewed(ReviewVerdict.REJECT);
        assertEquals(Outcome.REFUSED, rejected.outcome());
        assertTrue(rejected.categories(VerdictStatus.RELEASED).isEmpty());
        assertEquals(Optional.empty(), rejected.obligations());
        assertEquals(Optional.of(ReasonCode.REVIEW_REJECTED), rejected.verdicts().get(Category.IDENTITY).withheldBecause());
    }

    @Test
    void onlyPendingDecisionsCanBeReviewed() {
        Decision released = Decision.fromVerdicts(verdicts(CategoryVerdict.released(Category.IDENTITY)),
                Optional.of(OBLIGATIONS), List.of());
        assertEquals("Cannot apply a review to a RELEASED decision; expected PENDING_REVIEW",
                assertThrows(IllegalArgumentException.class, () -> released.reviewed(ReviewVerdict.APPROVE)).getMessage());
        Decision notAvailable = Decision.notAvailable(ReasonCode.NO_MATCH);
        assertThrows(IllegalArgumentException.class,
                () -> PolicyEngine.of(TestPolicies.regionDefault()).applyReview(notAvailable, ReviewVerdict.APPROVE));
        Decision approvedTwice = pending().reviewed(ReviewVerdict.APPROVE);
        assertThrows(IllegalArgumentException.class, () -> approvedTwice.reviewed(ReviewVerdict.APPROVE));
    }

    @Test
    void aReleaseWithoutObligationsCannotBeBuilt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Decision.fromVerdicts(
                verdicts(CategoryVerdict.released(Category.IDENTITY)), Optional.empty(), List.of()));
        assertTrue(e.getMessage().startsWith("Inconsistent decision (every release carries obligations)"), e.getMessage());
    }

    @Test
    void redactionsOfWithheldCategoriesCannotBeBuilt() {
        Obligations redactingClaim = new Obligations(HandlingCode.NO_ONWARD_TRANSFER, Purpose.RSD_CASE_PROCESSING,
                LocalDate.of(2027, 1, 1), Map.of(Category.CLAIM, List.of("summary")));
        assertThrows(IllegalStateException.class, () -> Decision.fromVerdicts(verdicts(
                CategoryVerdict.released(Category.IDENTITY), CategoryVerdict.withheld(Category.CLAIM, ReasonCode.CONSENT_REQUIRED)),
                Optional.of(redactingClaim), List.of()));
    }

    @Test
    void internalCodesCannotReachTheRequester() {
        assertThrows(IllegalArgumentException.class, () -> CategoryVerdict.withheld(Category.CLAIM, ReasonCode.CONSENT_WITHDRAWN));
        assertThrows(IllegalArgumentException.class, () -> Reason.of(ReasonCode.COUNTRY_OF_ORIGIN_ON_RECORD));
        assertThrows(IllegalArgumentException.class, () -> InternalDetail.of(ReasonCode.CONSENT_REQUIRED, ""));
        assertThrows(IllegalStateException.class, () -> Decision.notAvailable(ReasonCode.CONSENT_REQUIRED));
    }

    @Test
    void notAvailableLooksTheSameWhateverTheCause() {
        RequesterView first = Decision.notAvailable(ReasonCode.NO_MATCH).requesterView();
        for (ReasonCode cause : List.of(ReasonCode.AMBIGUOUS_MATCH, ReasonCode.COUNTRY_OF_ORIGIN_IN_QUERY,
                ReasonCode.COUNTRY_OF_ORIGIN_ON_RECORD, ReasonCode.PROTECTION_HOLD)) {
            Decision d = Decision.notAvailable(cause);
            assertEquals(first, d.requesterView());
            assertEquals(first.toString(), d.requesterView().toString());
            assertEquals(Optional.of(cause), d.internalReason());
        }
    }

    @Test
    void reasonCodesAreStableSnakeCaseWithMessages() {
        java.util.Set<String> codes = new java.util.HashSet<>();
        for (ReasonCode code : ReasonCode.values()) {
            assertTrue(code.code().matches("[a-z]+(_[a-z]+)*"), code.code());
            assertTrue(codes.add(code.code()), "duplicate " + code.code());
            assertTrue(code.message().endsWith("."), code.code());
            assertTrue(code.step() >= 2 && code.step() <= 9, code.code());
            assertEquals(code, ReasonCode.fromCode(code.code()));
        }
    }
}
