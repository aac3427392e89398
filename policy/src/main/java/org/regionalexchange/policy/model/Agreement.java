package org.regionalexchange.policy.model;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A data-sharing agreement between two parties (seed 000 §8.5: "Sharing of data between states depends on
 * the type of agreements established between the states"). It is symmetric: it covers exchanges in both
 * directions. In force on {@code validFrom <= date < validUntil}, like a consent.
 *
 * @param coverage the categories it covers, per purpose; a purpose absent from the map is not covered
 */
public record Agreement(String id, Party partyA, Party partyB, LocalDate validFrom, Optional<LocalDate> validUntil,
                        Map<Purpose, Set<Category>> coverage) {
    public Agreement {
        Require.text(id, "agreement id", 100);
        Require.present(partyA, "agreement party A");
        Require.present(partyB, "agreement party B");
        if (partyA.equals(partyB)) {
            throw new IllegalArgumentException("Agreement '" + id + "' names " + partyA
                    + " twice; expected two different parties");
        }
        Require.present(validFrom, "agreement validFrom");
        Require.present(validUntil, "agreement validUntil (use Optional.empty() for open-ended)");
        if (validUntil.isPresent() && !validUntil.get().isAfter(validFrom)) {
            throw new IllegalArgumentException("Agreement '" + id + "' validUntil " + validUntil.get()
                    + " is not after validFrom " + validFrom + "; expected validFrom < validUntil (validUntil exclusive)");
        }
        Require.present(coverage, "agreement coverage");
        EnumMap<Purpose, Set<Category>> copy = new EnumMap<>(Purpose.class);
        coverage.forEach((purpose, categories) -> copy.put(Require.present(purpose, "agreement purpose"),
                Require.nonEmpty(Require.enumSet(categories, Category.class, "agreement categories for " + purpose),
                        "agreement categories for " + purpose)));
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("Agreement '" + id + "' covers no purpose; expected at least one");
        }
        coverage = Collections.unmodifiableMap(copy);
    }

    /** Whether the agreement binds exactly these two parties, in either order. */
    public boolean isBetween(Party one, Party other) {
        return (partyA.equals(one) && partyB.equals(other)) || (partyA.equals(other) && partyB.equals(one));
    }

    public boolean isInForceOn(LocalDate date) {
        return !date.isBefore(validFrom) && validUntil.map(date::isBefore).orElse(true);
    }
}
