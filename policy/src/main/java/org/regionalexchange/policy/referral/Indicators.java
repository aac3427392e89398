package org.regionalexchange.policy.referral;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.regionalexchange.policy.model.Require;

/** The indicators raised for one person, one finding per indicator, in the order of {@link Indicator}. */
public final class Indicators {
    private static final Indicators NONE = new Indicators(new EnumMap<>(Indicator.class));
    private final Map<Indicator, IndicatorFinding> findings;

    private Indicators(EnumMap<Indicator, IndicatorFinding> findings) {
        this.findings = Collections.unmodifiableMap(findings);
    }

    public static Indicators none() {
        return NONE;
    }

    /** From findings in any order; two findings of one indicator are merged, grounds kept in order. */
    public static Indicators of(List<IndicatorFinding> findings) {
        EnumMap<Indicator, LinkedHashSet<Ground>> grounds = new EnumMap<>(Indicator.class);
        for (IndicatorFinding finding : Require.list(findings, "indicator findings")) {
            grounds.computeIfAbsent(finding.indicator(), i -> new LinkedHashSet<>()).addAll(finding.grounds());
        }
        EnumMap<Indicator, IndicatorFinding> merged = new EnumMap<>(Indicator.class);
        grounds.forEach((indicator, g) -> merged.put(indicator, new IndicatorFinding(indicator, new ArrayList<>(g))));
        return new Indicators(merged);
    }

    public boolean contains(Indicator indicator) {
        return findings.containsKey(indicator);
    }

    public boolean isEmpty() {
        return findings.isEmpty();
    }

    /** The grounds of one indicator; empty when it is not raised. */
    public List<Ground> groundsOf(Indicator indicator) {
        IndicatorFinding finding = findings.get(indicator);
        return finding == null ? List.of() : finding.grounds();
    }

    /** Every finding, in the order of {@link Indicator}. */
    public List<IndicatorFinding> findings() {
        return List.copyOf(findings.values());
    }

    public Set<Indicator> raised() {
        return findings.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(findings.keySet()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Indicators other && findings.equals(other.findings);
    }

    @Override
    public int hashCode() {
        return findings.hashCode();
    }

    @Override
    public String toString() {
        return findings.values().toString();
    }
}
