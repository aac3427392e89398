package org.regionalexchange.policy.referral;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.regionalexchange.policy.model.AgencyId;

/**
 * The policy's answer to one referral: a value, never an exception. Only this package creates it, and the
 * constructor refuses any inconsistent combination: a referral that leaves has a basis, no reasons and
 * carries exactly the categories asked for; a refused one carries nothing and says why.
 */
public final class ReferralDecision {
    private final ReferralOutcome outcome;
    private final ReferralType type;
    private final AgencyId receiver;
    private final Priority priority;
    private final Set<ReferralCategory> categories;
    private final Optional<ReferralBasis> basis;
    private final List<ReferralReasonCode> reasons;
    private final Map<ReferralCategory, ReferralReasonCode> categoryReasons;

    private ReferralDecision(ReferralOutcome outcome, ReferralType type, AgencyId receiver, Priority priority,
                             Set<ReferralCategory> categories, Optional<ReferralBasis> basis,
                             Set<ReferralReasonCode> reasons, Map<ReferralCategory, ReferralReasonCode> categoryReasons) {
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.type = Objects.requireNonNull(type, "type");
        this.receiver = Objects.requireNonNull(receiver, "receiver");
        this.priority = Objects.requireNonNull(priority, "priority");
        this.categories = categories.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(categories));
        this.basis = Objects.requireNonNull(basis, "basis");
        EnumSet<ReferralReasonCode> ordered = EnumSet.noneOf(ReferralReasonCode.class);
        ordered.addAll(reasons);
        this.reasons = List.copyOf(ordered);
        EnumMap<ReferralCategory, ReferralReasonCode> perCategory = new EnumMap<>(ReferralCategory.class);
        perCategory.putAll(categoryReasons);
        this.categoryReasons = Collections.unmodifiableMap(perCategory);
        checkConsistent();
    }

    static ReferralDecision referred(ReferralRequest request, Priority priority, ReferralBasis basis) {
        return new ReferralDecision(ReferralOutcome.REFERRED, request.type(), request.receiver().id(), priority,
                request.categories(), Optional.of(basis), Set.of(), Map.of());
    }

    static ReferralDecision refused(ReferralRequest request, Priority priority, Set<ReferralReasonCode> reasons,
                                    Map<ReferralCategory, ReferralReasonCode> categoryReasons) {
        return new ReferralDecision(ReferralOutcome.REFUSED, request.type(), request.receiver().id(), priority,
                Set.of(), Optional.empty(), reasons, categoryReasons);
    }

    private void checkConsistent() {
        if (outcome == ReferralOutcome.REFERRED) {
            require(basis.isPresent() && reasons.isEmpty() && categoryReasons.isEmpty()
                    && categories.contains(ReferralCategory.IDENTITY), "REFERRED has a basis, no reasons and IDENTITY");
            require(type.categories().containsAll(categories), "REFERRED carries only what its type may carry");
            if (basis.get() == ReferralBasis.CHILD_BEST_INTEREST) {
                require(type == ReferralType.CHILD_PROTECTION
                                && categories.stream().noneMatch(ReferralCategory::isConsentAlways),
                        "a best-interest referral goes to child protection and carries no confidential category");
            }
        } else {
            require(basis.isEmpty() && categories.isEmpty() && !reasons.isEmpty()
                    && reasons.containsAll(categoryReasons.values()), "REFUSED carries nothing and says why");
        }
    }

    private void require(boolean condition, String rule) {
        if (!condition) {
            throw new IllegalStateException("Inconsistent referral decision (" + rule + "): " + this);
        }
    }

    public ReferralOutcome outcome() {
        return outcome;
    }

    public boolean isReferred() {
        return outcome == ReferralOutcome.REFERRED;
    }

    public ReferralType type() {
        return type;
    }

    public AgencyId receiver() {
        return receiver;
    }

    /** The person's priority, whatever the outcome. */
    public Priority priority() {
        return priority;
    }

    /** What travels to the receiver: the requested categories when referred, nothing when refused. */
    public Set<ReferralCategory> categories() {
        return categories;
    }

    /** Consent or the child's best interest, when referred. */
    public Optional<ReferralBasis> basis() {
        return basis;
    }

    /** Every reason of a refusal, distinct, in the order of {@link ReferralReasonCode}; empty when referred. */
    public List<ReferralReasonCode> reasons() {
        return reasons;
    }

    /** For the refusals that concern one category: the category and its (first) reason. */
    public Map<ReferralCategory, ReferralReasonCode> categoryReasons() {
        return categoryReasons;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReferralDecision d && outcome == d.outcome && type == d.type && receiver.equals(d.receiver)
                && priority == d.priority && categories.equals(d.categories) && basis.equals(d.basis)
                && reasons.equals(d.reasons) && categoryReasons.equals(d.categoryReasons);
    }

    @Override
    public int hashCode() {
        return Objects.hash(outcome, type, receiver, priority, categories, basis, reasons, categoryReasons);
    }

    @Override
    public String toString() {
        return "ReferralDecision[outcome=" + outcome + ", type=" + type + ", receiver=" + receiver + ", priority="
                + priority + ", categories=" + categories + ", basis=" + basis.map(Enum::name).orElse("-")
                + ", reasons=" + new ArrayList<>(reasons) + ", categoryReasons=" + categoryReasons + "]";
    }
}
