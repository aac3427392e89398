package org.regionalexchange.policy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.regionalexchange.policy.model.Agreement;
import org.regionalexchange.policy.model.Category;
import org.regionalexchange.policy.model.Party;
import org.regionalexchange.policy.model.Purpose;

/**
 * An exchange between two different parties needs an agreement in force covering the purpose and each
 * category (seed 000 §8.5: "Sharing of data between states depends on the type of agreements established
 * between the states"). Agencies of one party need none (single-state deployments, docs/design.md §2).
 *
 * <p>No agreement in force, or none covering the purpose, refuses the whole request; categories that no
 * agreement in force covers for the purpose are withheld one by one. Several agreements in force between the
 * same parties add up.
 */
final class AgreementRule {
    private AgreementRule() {
    }

    /** The outcome of step 4: a whole-request refusal, or the categories covered for the purpose. */
    record Finding(Optional<ReasonCode> refusal, Set<Category> covered) {
    }

    private static final Finding SAME_PARTY = new Finding(Optional.empty(), EnumSet.allOf(Category.class));

    static Finding check(Party requester, Party holder, List<Agreement> agreements, Purpose purpose, LocalDate date) {
        if (requester.equals(holder)) {
            return SAME_PARTY;
        }
        boolean anyInForce = false;
        boolean purposeCovered = false;
        EnumSet<Category> covered = EnumSet.noneOf(Category.class);
        for (Agreement agreement : agreements) {
            if (!agreement.isBetween(requester, holder) || !agreement.isInForceOn(date)) {
                continue;
            }
            anyInForce = true;
            Set<Category> categories = agreement.coverage().get(purpose);
            if (categories != null) {
                purposeCovered = true;
                covered.addAll(categories);
            }
        }
        if (!anyInForce) {
            return new Finding(Optional.of(ReasonCode.NO_AGREEMENT), Set.of());
        }
        if (!purposeCovered) {
            return new Finding(Optional.of(ReasonCode.AGREEMENT_PURPOSE_NOT_COVERED), Set.of());
        }
        return new Finding(Optional.empty(), covered);
    }
}
