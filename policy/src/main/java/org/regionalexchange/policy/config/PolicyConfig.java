package org.regionalexchange.policy.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.regionalexchange.policy.model.Purpose;

/**
 * A node's policy: the deployment-specific rule data of docs/design.md §6, loaded from the policy file by
 * {@link PolicyFileLoader}. Immutable and thread-safe.
 *
 * <p>What is <em>not</em> here is as important: the country-of-origin rule, consent for confidential
 * categories, individualization, the CONTACT and SPECIFIC_NEEDS purpose limits and child review are code.
 * There is no setting that switches them off; a configuration that lists, say, CONTACT for
 * SECURITY_SCREENING is rejected by the loader and would have no effect on the engine anyway.
 *
 * @param source    the file name, for messages
 * @param timeZone  the zone in which the evaluation instant becomes the evaluation date (validity of
 *                  consents and agreements, age, retain-until)
 * @param clockSkew tolerance between the nodes' clocks: the gateway uses it for envelope {@code iat}; the
 *                  policy counts a consent withdrawal as effective up to this much before its recorded time
 * @param purposes  the purposes the file lists; a purpose it does not list is not enabled
 */
public record PolicyConfig(String source, ZoneId timeZone, Duration clockSkew, Map<Purpose, PurposePolicy> purposes,
                           JustificationPolicy justification, List<ReviewTrigger> reviewTriggers) {
    public PolicyConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(clockSkew, "clockSkew");
        if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("Clock skew " + clockSkew + " is out of range; expected PT0S to PT10M");
        }
        Objects.requireNonNull(purposes, "purposes");
        EnumMap<Purpose, PurposePolicy> copy = new EnumMap<>(Purpose.class);
        purposes.forEach((purpose, policy) -> {
            if (policy.purpose() != purpose) {
                throw new IllegalArgumentException("Purpose policy for '" + policy.purpose() + "' filed under '"
                        + purpose + "'; expected the same purpose");
            }
            copy.put(purpose, policy);
        });
        purposes = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(justification, "justification");
        reviewTriggers = List.copyOf(reviewTriggers);
        Set<String> names = new HashSet<>();
        for (ReviewTrigger trigger : reviewTriggers) {
            if (!names.add(trigger.name())) {
                throw new IllegalArgumentException("Duplicate review trigger name '" + trigger.name()
                        + "'; expected unique names");
            }
        }
    }

    /** The purpose's policy if the purpose is enabled. */
    public Optional<PurposePolicy> enabled(Purpose purpose) {
        PurposePolicy policy = purposes.get(purpose);
        return policy != null && policy.enabled() ? Optional.of(policy) : Optional.empty();
    }
}
