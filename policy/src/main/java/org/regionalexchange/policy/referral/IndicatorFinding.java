package org.regionalexchange.policy.referral;

import java.util.LinkedHashSet;
import java.util.List;

import org.regionalexchange.policy.model.Require;

/**
 * One indicator raised for a person, with everything that raised it, in the order the interview met it.
 *
 * @param grounds at least one, distinct
 */
public record IndicatorFinding(Indicator indicator, List<Ground> grounds) {
    public IndicatorFinding {
        Require.present(indicator, "indicator");
        grounds = List.copyOf(new LinkedHashSet<>(Require.list(grounds, "grounds of " + indicator)));
        if (grounds.isEmpty()) {
            throw new IllegalArgumentException("Indicator " + indicator + " without a ground; expected what raised it");
        }
    }

    @Override
    public String toString() {
        return indicator + grounds.toString();
    }
}
