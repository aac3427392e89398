package org.regionalexchange.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.policy.model.BirthDate;
import org.regionalexchange.policy.model.Category;
import org.regionalexchange.policy.model.CountryCode;
import org.regionalexchange.policy.model.SpecificNeed;
import org.regionalexchange.policy.model.SubjectRecord;

/**
 * The hard review rule on its own ({@link PolicyEngine#reviewCauses}), as a view that is not a request uses
 * it: the same child and specific-needs causes as step 9 of a decision, none of the policy file's triggers.
 */
class ReviewCausesTest {

    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    private static final Set<Category> ALL = EnumSet.allOf(Category.class);
    private static final Set<Category> IDENTITY_AND_STATUS = EnumSet.of(Category.IDENTITY, Category.CASE_STATUS);
    private final PolicyEngine engine = PolicyEngine.of(TestPolicies.regionDefault());

    @Test
    @DisplayName("a child, a person born in a year that leaves them possibly under 18, a person of unknown age: the child cause beyond identity and status")
    void possibleChildren() {
        for (String birth : new String[] {"2010-05-01", "2008-11-25", "2008", "2008-12", ""}) {
            assertEquals(List.of(ReasonCode.REVIEW_CHILD_SUBJECT), codes(record(birth, Set.of()), EnumSet.of(
                    Category.IDENTITY, Category.CLAIM)), birth);
            assertEquals(List.of(), codes(record(birth, Set.of()), IDENTITY_AND_STATUS), birth);
        }
    }

    @Test
    @DisplayName("an adult: no cause, unless specific needs would be shown; no configured trigger applies")
    void adults() {
        assertEquals(List.of(), codes(record("2008-11-23", Set.of()), EnumSet.complementOf(
                EnumSet.of(Category.SPECIFIC_NEEDS))));
        assertEquals(List.of(ReasonCode.REVIEW_SPECIFIC_NEEDS), codes(record("1980-01-20",
                Set.of(SpecificNeed.TORTURE_SURVIVOR)), ALL));
        assertEquals(List.of(ReasonCode.REVIEW_CHILD_SUBJECT, ReasonCode.REVIEW_SPECIFIC_NEEDS),
                codes(record("2015", Set.of()), ALL));
    }

    private List<ReasonCode> codes(SubjectRecord record, Set<Category> categories) {
        return engine.reviewCauses(record, categories, NOW).stream().map(InternalDetail::code).toList();
    }

    private static SubjectRecord record(String birth, Set<SpecificNeed> needs) {
        return new SubjectRecord("KZ-1", Set.of(CountryCode.of("AF")), Set.of(), Set.of(),
                birth.isEmpty() ? Optional.empty() : Optional.of(BirthDate.parse(birth)), needs, false, List.of());
    }
}
