package org.regionalexchange.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.regionalexchange.policy.config.PolicyConfig;
import org.regionalexchange.policy.config.ReviewTrigger;
import org.regionalexchange.policy.model.Category;
import org.regionalexchange.policy.model.InformationRequest;
import org.regionalexchange.policy.model.SubjectRecord;

/**
 * Releases a person at the holder must look at before anything leaves (docs/design.md §6 step 9).
 *
 * <ul>
 *   <li>A child, or a person who could still be one (partial or unknown date of birth), with anything beyond
 *       identity and case status (seed 000 §4 "best interest of the child"; seed 002, Guideline 12: "best
 *       interest of the child is a primary consideration").</li>
 *   <li>Specific needs (seed 000 §4 "non-re-victimization"; §6.1).</li>
 *   <li>A trigger of the policy file.</li>
 * </ul>
 */
final class ReviewRule {
    private ReviewRule() {
    }

    static List<InternalDetail> triggers(PolicyConfig config, InformationRequest request, SubjectRecord record,
                                         Set<Category> releasable, LocalDate date) {
        List<InternalDetail> found = hardTriggers(record, releasable, date);
        for (ReviewTrigger trigger : config.reviewTriggers()) {
            if (trigger.firesFor(request.purpose(), request.urgency(), releasable)) {
                found.add(InternalDetail.of(ReasonCode.REVIEW_CONFIGURED_TRIGGER, trigger.name()));
            }
        }
        return found;
    }

    /** The triggers that are code and hold for any release, with or without a request: the child and specific needs. */
    static List<InternalDetail> hardTriggers(SubjectRecord record, Set<Category> releasable, LocalDate date) {
        List<InternalDetail> found = new ArrayList<>(2);
        boolean beyondIdentityAndStatus = false;
        for (Category category : releasable) {
            beyondIdentityAndStatus |= category != Category.IDENTITY && category != Category.CASE_STATUS;
        }
        boolean couldBeChild = record.dateOfBirth().map(d -> d.couldBeChildOn(date)).orElse(true);
        if (couldBeChild && beyondIdentityAndStatus) {
            found.add(InternalDetail.of(ReasonCode.REVIEW_CHILD_SUBJECT,
                    record.dateOfBirth()
                    .map(d -> d.day().isPresent() ? "date of birth full" : "date of birth partial")
                    .orElse("date of birth unknown")));
        }
        if (releasable.contains(Category.SPECIFIC_NEEDS)) {
            found.add(InternalDetail.of(Category.SPECIFIC_NEEDS, ReasonCode.REVIEW_SPECIFIC_NEEDS, ""));
        }
        return found;
    }
}
