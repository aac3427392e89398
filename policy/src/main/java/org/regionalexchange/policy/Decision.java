package org.regionalexchange.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.regionalexchange.policy.model.Category;

/**
 * The policy's answer to one request about one person: a value, never an exception.
 *
 * <p>Only this package creates decisions, and the constructor refuses any inconsistent combination (for
 * example a release without obligations, or a {@code NOT_AVAILABLE} carrying anything the requester could
 * read). The requester-visible part is {@link #requesterView()}; {@link #internalReason()} and
 * {@link #internalDetails()} are for the holder's access log only.
 */
public final class Decision {
    private final Outcome outcome;
    private final Map<Category, CategoryVerdict> verdicts;
    private final List<Reason> reasons;
    private final Optional<Obligations> obligations;
    private final Optional<ReasonCode> internalReason;
    private final List<InternalDetail> internalDetails;

    private Decision(Outcome outcome, Map<Category, CategoryVerdict> verdicts, List<Reason> reasons,
                     Optional<Obligations> obligations, Optional<ReasonCode> internalReason,
                     List<InternalDetail> internalDetails) {
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        EnumMap<Category, CategoryVerdict> copy = new EnumMap<>(Category.class);
        copy.putAll(verdicts);
        this.verdicts = Collections.unmodifiableMap(copy);
        this.reasons = List.copyOf(reasons);
        this.obligations = Objects.requireNonNull(obligations, "obligations");
        this.internalReason = Objects.requireNonNull(internalReason, "internalReason");
        this.internalDetails = List.copyOf(internalDetails);
        checkConsistent();
    }

    /** The uniform answer; the cause goes to {@link #internalReason()} only. */
    static Decision notAvailable(ReasonCode cause) {
        return new Decision(Outcome.NOT_AVAILABLE, Map.of(), List.of(), Optional.empty(), Optional.of(cause), List.of());
    }

    /**
     * A refusal of the whole request: every category withheld, and the reasons are all the step's codes
     * (a request-level failure such as a weak justification is not tied to one category).
     */
    static Decision refusedWhole(Map<Category, CategoryVerdict> verdicts, List<ReasonCode> codes) {
        return new Decision(Outcome.REFUSED, verdicts, reasonsOf(codes), Optional.empty(), Optional.empty(), List.of());
    }

    /**
     * A decision whose outcome follows from its verdicts: all withheld is {@code REFUSED}, any awaiting
     * review is {@code PENDING_REVIEW}, otherwise released in full or in part.
     */
    static Decision fromVerdicts(Map<Category, CategoryVerdict> verdicts, Optional<Obligations> obligations,
                                 List<InternalDetail> details) {
        boolean anyAwaiting = false;
        boolean anyReleased = false;
        EnumSet<ReasonCode> codes = EnumSet.noneOf(ReasonCode.class);
        for (CategoryVerdict verdict : verdicts.values()) {
            anyAwaiting |= verdict.status() == VerdictStatus.AWAITING_REVIEW;
            anyReleased |= verdict.status() == VerdictStatus.RELEASED;
            verdict.withheldBecause().ifPresent(codes::add);
        }
        Outcome outcome;
        if (anyAwaiting) {
            outcome = Outcome.PENDING_REVIEW;
            codes.add(ReasonCode.REVIEW_REQUIRED);
        } else if (!anyReleased) {
            outcome = Outcome.REFUSED;
        } else {
            outcome = codes.isEmpty() ? Outcome.RELEASED : Outcome.PARTIALLY_RELEASED;
        }
        Optional<Obligations> kept = outcome == Outcome.REFUSED ? Optional.empty() : obligations;
        return new Decision(outcome, verdicts, reasonsOf(new ArrayList<>(codes)), kept, Optional.empty(), details);
    }

    /**
     * The final decision after a review. Only verdicts {@code AWAITING_REVIEW} change: to {@code RELEASED}
     * on approval, to {@code WITHHELD} with {@code review_rejected} on rejection. Every other verdict is
     * copied unchanged, so approval can never release what steps 1-8 withheld.
     */
    Decision reviewed(ReviewVerdict verdict) {
        if (outcome != Outcome.PENDING_REVIEW) {
            throw new IllegalArgumentException("Cannot apply a review to a " + outcome
                    + " decision; expected PENDING_REVIEW");
        }
        Objects.requireNonNull(verdict, "review verdict");
        EnumMap<Category, CategoryVerdict> next = new EnumMap<>(Category.class);
        for (CategoryVerdict v : verdicts.values()) {
            if (v.status() != VerdictStatus.AWAITING_REVIEW) {
                next.put(v.category(), v);
            } else if (verdict == ReviewVerdict.APPROVE) {
                next.put(v.category(), CategoryVerdict.released(v.category()));
            } else {
                next.put(v.category(), CategoryVerdict.withheld(v.category(), ReasonCode.REVIEW_REJECTED));
            }
        }
        List<InternalDetail> details = new ArrayList<>(internalDetails);
        if (verdict == ReviewVerdict.APPROVE) {
            details.add(InternalDetail.of(ReasonCode.REVIEW_APPROVED, ""));
        }
        return fromVerdicts(next, obligations, details);
    }

    /**
     * A rejection that arrives when a fresh decision no longer needs review: whatever it would release is
     * withheld with {@code review_rejected}. A reviewer's "no" is never turned into a release.
     */
    Decision rejectedOnReview() {
        if (outcome != Outcome.RELEASED && outcome != Outcome.PARTIALLY_RELEASED) {
            throw new IllegalArgumentException("Nothing to reject in a " + outcome + " decision");
        }
        EnumMap<Category, CategoryVerdict> next = new EnumMap<>(Category.class);
        for (CategoryVerdict v : verdicts.values()) {
            next.put(v.category(), v.status() == VerdictStatus.RELEASED
                    ? CategoryVerdict.withheld(v.category(), ReasonCode.REVIEW_REJECTED) : v);
        }
        return fromVerdicts(next, Optional.empty(), internalDetails);
    }

    /**
     * This release limited to {@code allowed}: a category it releases that is not in {@code allowed} is
     * withheld with {@code review_required}. Never releases anything this decision does not.
     */
    Decision narrowedTo(java.util.Set<Category> allowed) {
        if (outcome != Outcome.RELEASED && outcome != Outcome.PARTIALLY_RELEASED) {
            throw new IllegalArgumentException("Cannot narrow a " + outcome + " decision; expected a release");
        }
        EnumMap<Category, CategoryVerdict> next = new EnumMap<>(Category.class);
        boolean anyReleased = false;
        for (CategoryVerdict v : verdicts.values()) {
            if (v.status() == VerdictStatus.RELEASED && !allowed.contains(v.category())) {
                next.put(v.category(), CategoryVerdict.withheld(v.category(), ReasonCode.REVIEW_REQUIRED));
            } else {
                next.put(v.category(), v);
                anyReleased |= v.status() == VerdictStatus.RELEASED;
            }
        }
        Optional<Obligations> kept = anyReleased ? obligations.map(o -> withoutWithheld(o, next)) : Optional.empty();
        return fromVerdicts(next, kept, internalDetails);
    }

    private static Obligations withoutWithheld(Obligations obligations, Map<Category, CategoryVerdict> verdicts) {
        EnumMap<Category, List<String>> redactions = new EnumMap<>(Category.class);
        obligations.redactions().forEach((category, fields) -> {
            if (verdicts.get(category) != null && verdicts.get(category).status() != VerdictStatus.WITHHELD) {
                redactions.put(category, fields);
            }
        });
        return new Obligations(obligations.handling(), obligations.permittedUse(), obligations.retainUntil(), redactions);
    }

    private static List<Reason> reasonsOf(List<ReasonCode> codes) {
        List<Reason> reasons = new ArrayList<>(codes.size());
        for (ReasonCode code : codes) {
            reasons.add(Reason.of(code));
        }
        return reasons;
    }

    private void checkConsistent() {
        if (outcome == Outcome.NOT_AVAILABLE) {
            require(verdicts.isEmpty() && reasons.isEmpty() && obligations.isEmpty() && internalDetails.isEmpty()
                    && internalReason.isPresent() && !internalReason.get().isRequesterVisible(),
                    "NOT_AVAILABLE must carry nothing but a holder-log-only internal reason");
            return;
        }
        require(internalReason.isEmpty(), "only NOT_AVAILABLE has an internal reason");
        require(!verdicts.isEmpty(), "a decision about categories needs a verdict per category");
        long released = count(VerdictStatus.RELEASED);
        long awaiting = count(VerdictStatus.AWAITING_REVIEW);
        long withheld = count(VerdictStatus.WITHHELD);
        switch (outcome) {
            case RELEASED -> require(withheld == 0 && awaiting == 0, "RELEASED withholds nothing");
            case PARTIALLY_RELEASED -> require(released > 0 && withheld > 0 && awaiting == 0,
                    "PARTIALLY_RELEASED releases some and withholds some");
            case PENDING_REVIEW -> require(released == 0 && awaiting > 0
                            && reasons.stream().anyMatch(r -> r.code() == ReasonCode.REVIEW_REQUIRED),
                    "PENDING_REVIEW releases nothing yet and says review_required");
            case REFUSED -> require(released == 0 && awaiting == 0 && !reasons.isEmpty() && obligations.isEmpty(),
                    "REFUSED releases nothing, gives reasons and has no obligations");
            default -> throw new IllegalStateException("Unexpected outcome " + outcome);
        }
        if (outcome != Outcome.REFUSED) {
            require(obligations.isPresent(), "every release carries obligations");
            for (Category category : obligations.get().redactions().keySet()) {
                CategoryVerdict v = verdicts.get(category);
                require(v != null && v.status() != VerdictStatus.WITHHELD,
                        "redactions are only for categories that are released");
            }
        }
    }

    private long count(VerdictStatus status) {
        return verdicts.values().stream().filter(v -> v.status() == status).count();
    }

    private void require(boolean condition, String rule) {
        if (!condition) {
            throw new IllegalStateException("Inconsistent decision (" + rule + "): " + this);
        }
    }

    public Outcome outcome() {
        return outcome;
    }

    /** A verdict per requested category, in category order; empty for {@code NOT_AVAILABLE}. */
    public Map<Category, CategoryVerdict> verdicts() {
        return verdicts;
    }

    /** Requester-visible reasons, distinct, in the order of {@link ReasonCode}. */
    public List<Reason> reasons() {
        return reasons;
    }

    public Optional<Obligations> obligations() {
        return obligations;
    }

    /** For {@code NOT_AVAILABLE} only: the true cause, for the holder's access log. Never sent. */
    public Optional<ReasonCode> internalReason() {
        return internalReason;
    }

    /** Precise causes for the holder's access log (consent failures, review triggers). Never sent. */
    public List<InternalDetail> internalDetails() {
        return internalDetails;
    }

    public List<Category> categories(VerdictStatus status) {
        List<Category> result = new ArrayList<>();
        for (CategoryVerdict v : verdicts.values()) {
            if (v.status() == status) {
                result.add(v.category());
            }
        }
        return result;
    }

    /** The only part of the decision that may be sent to the requester. */
    public RequesterView requesterView() {
        if (outcome == Outcome.NOT_AVAILABLE) {
            return new RequesterView(Outcome.NOT_AVAILABLE, List.of(), List.of(), List.of(), List.of(), Optional.empty());
        }
        List<Withheld> withheld = new ArrayList<>();
        for (CategoryVerdict v : verdicts.values()) {
            v.withheldBecause().ifPresent(code -> withheld.add(new Withheld(v.category(), code)));
        }
        return new RequesterView(outcome, categories(VerdictStatus.RELEASED), categories(VerdictStatus.AWAITING_REVIEW),
                withheld, reasons, obligations);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Decision d && outcome == d.outcome && verdicts.equals(d.verdicts)
                && reasons.equals(d.reasons) && obligations.equals(d.obligations)
                && internalReason.equals(d.internalReason) && internalDetails.equals(d.internalDetails);
    }

    @Override
    public int hashCode() {
        return Objects.hash(outcome, verdicts, reasons, obligations, internalReason, internalDetails);
    }

    @Override
    public String toString() {
        return "Decision[outcome=" + outcome + ", verdicts=" + verdicts.values() + ", reasons="
                + reasons.stream().map(r -> r.code().code()).toList() + ", obligations=" + obligations
                + ", internalReason=" + internalReason + ", internalDetails=" + internalDetails + "]";
    }
}
