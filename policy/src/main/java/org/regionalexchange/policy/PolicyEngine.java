package org.regionalexchange.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.regionalexchange.policy.config.PolicyConfig;
import org.regionalexchange.policy.model.Category;
import org.regionalexchange.policy.model.InformationRequest;
import org.regionalexchange.policy.model.IncomingRequest;
import org.regionalexchange.policy.model.JustificationHistory;
import org.regionalexchange.policy.model.RequesterRole;
import org.regionalexchange.policy.model.SubjectRecord;

/**
 * The decision engine. Built once from a validated {@link PolicyConfig}; immutable and thread-safe. Every
 * method is deterministic, does no I/O and takes the evaluation instant as an argument.
 *
 * <p>Entry points, in the order a request meets them:
 * <ol>
 *   <li>{@link #checkBeforeSending} at the requester's node, before anything leaves it;</li>
 *   <li>{@link #screen} at the holder, before any record lookup (steps 2-5 of docs/design.md §6);</li>
 *   <li>{@link #decide} at the holder over the resolved candidate records (steps 2-10), or continued from
 *       {@link #screening} (steps 6-10) so that the holder screens once;</li>
 *   <li>{@link #applyReview} / {@link #decideAfterReview} when a reviewer answers a {@code PENDING_REVIEW};</li>
 *   <li>{@link #decideAtCollection} when the requester collects an answer that released data.</li>
 * </ol>
 */
public final class PolicyEngine {
    private final PolicyConfig config;
    private final JustificationRule justificationRule;

    private PolicyEngine(PolicyConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.justificationRule = new JustificationRule(config.justification());
    }

    public static PolicyEngine of(PolicyConfig config) {
        return new PolicyEngine(config);
    }

    public PolicyConfig config() {
        return config;
    }

    /**
     * The requester node's own check (docs/design.md §5 step 2), after schema validation: role,
     * individualization, case reference, justification and its reuse, purpose enabled, and every category
     * releasable for the purpose. It is stricter than the holder: one category that can never be released for
     * the purpose refuses the whole request, so the officer corrects it before it leaves.
     *
     * @return empty if the request may be sent; otherwise a {@code REFUSED} decision whose reasons the officer
     *         may see (the gateway answers 422 with them)
     */
    public Optional<Decision> checkBeforeSending(InformationRequest request, JustificationHistory history, Instant now) {
        EnumSet<ReasonCode> whole = EnumSet.noneOf(ReasonCode.class);
        if (request.requester().role() != RequesterRole.OFFICER) {
            whole.add(ReasonCode.REQUESTER_ROLE_NOT_PERMITTED);
        }
        stepThree(request, history, now, whole);
        EnumMap<Category, ReasonCode> perCategory = new EnumMap<>(Category.class);
        if (!whole.contains(ReasonCode.PURPOSE_NOT_ENABLED)) {
            for (Category category : request.categories()) {
                PurposeLimits.categoryRefusal(config, request.purpose(), category)
                        .ifPresent(code -> perCategory.put(category, code));
            }
        }
        if (whole.isEmpty() && perCategory.isEmpty()) {
            return Optional.empty();
        }
        EnumSet<ReasonCode> all = EnumSet.copyOf(whole);
        all.addAll(perCategory.values());
        ReasonCode primary = all.iterator().next();
        EnumMap<Category, CategoryVerdict> verdicts = new EnumMap<>(Category.class);
        for (Category category : request.categories()) {
            ReasonCode code = whole.isEmpty() ? perCategory.getOrDefault(category, primary)
                    : perCategory.getOrDefault(category, whole.iterator().next());
            verdicts.put(category, CategoryVerdict.withheld(category, code));
        }
        return Optional.of(Decision.refusedWhole(verdicts, new ArrayList<>(all)));
    }

    /**
     * The holder's screen before any record lookup: steps 2-5 of docs/design.md §6 (requester agency of the
     * signing node, individualization and justification re-checked, agreement, country of origin named in an
     * identity query). Categories that no rule independent of the subject lets through are withheld here;
     * if none is left the request is refused without a lookup.
     *
     * @return empty if the gateway may look the subject up; otherwise the decision to answer with
     */
    public Optional<Decision> screen(IncomingRequest incoming, Instant now) {
        return screening(incoming, now).decision();
    }

    /**
     * {@link #screen} with its result kept for the rest of the decision: the holder screens before it looks
     * the subject up and then continues with {@link #decide(Screening, List)}, so steps 2-5 run once.
     */
    public Screening screening(IncomingRequest incoming, Instant now) {
        return screenInternal(incoming, now);
    }

    /**
     * The full decision over the records the holder resolved for the subject selector (0, 1 or several),
     * with their consents: steps 2-10 of docs/design.md §6 in order; the first failing step decides.
     */
    public Decision decide(IncomingRequest incoming, List<SubjectRecord> candidates, Instant now) {
        return decide(screenInternal(incoming, now), candidates);
    }

    /**
     * The same decision as {@link #decide(IncomingRequest, List, Instant)}, continued from a screening of this
     * engine: the screening's decision if it made one, else steps 6-10 over the candidates. A screening may be
     * continued any number of times; it is not changed.
     */
    public Decision decide(Screening screening, List<SubjectRecord> candidates) {
        Objects.requireNonNull(screening, "screening");
        Objects.requireNonNull(candidates, "candidates");
        if (screening.engine != this) {
            throw new IllegalArgumentException("a screening continues only with the engine that made it");
        }
        if (screening.decision != null) {
            return screening.decision;
        }
        IncomingRequest incoming = screening.incoming;
        Instant now = screening.now;
        // Step 6: exactly one record, or the uniform answer.
        if (candidates.isEmpty()) {
            return Decision.notAvailable(ReasonCode.NO_MATCH);
        }
        if (candidates.size() > 1) {
            return Decision.notAvailable(ReasonCode.AMBIGUOUS_MATCH);
        }
        SubjectRecord record = Objects.requireNonNull(candidates.get(0), "candidate record");
        InformationRequest request = incoming.request();
        // Step 7: the record itself.
        if (CountryOfOriginRule.onRecord(request.requester(), record)) {
            return Decision.notAvailable(ReasonCode.COUNTRY_OF_ORIGIN_ON_RECORD);
        }
        if (record.protectionHold()) {
            return Decision.notAvailable(ReasonCode.PROTECTION_HOLD);
        }
        // Step 8: consent per category.
        LocalDate date = screening.date;
        Instant withdrawalCutoff = now.plus(config.clockSkew());
        List<InternalDetail> details = new ArrayList<>();
        EnumMap<Category, CategoryVerdict> verdicts = new EnumMap<>(Category.class);
        verdicts.putAll(screening.verdicts);
        EnumSet<Category> releasable = EnumSet.noneOf(Category.class);
        for (Category category : request.categories()) {
            if (verdicts.containsKey(category)) {
                continue;
            }
            if (category.requiresConsent()) {
                Optional<ConsentRule.Gap> gap = ConsentRule.gap(record, request.requester(), request.purpose(),
                        category, date, withdrawalCutoff);
                if (gap.isPresent()) {
                    verdicts.put(category, CategoryVerdict.withheld(category, ReasonCode.CONSENT_REQUIRED));
                    details.add(InternalDetail.of(category, gap.get().cause(), gap.get().consentId()));
                    continue;
                }
            }
            releasable.add(category);
        }
        if (releasable.isEmpty()) {
            return Decision.fromVerdicts(verdicts, Optional.empty(), details);
        }
        // Step 9: human review.
        List<InternalDetail> reviews = ReviewRule.triggers(config, request, record, releasable, date);
        details.addAll(reviews);
        for (Category category : releasable) {
            verdicts.put(category, reviews.isEmpty() ? CategoryVerdict.released(category)
                    : CategoryVerdict.awaitingReview(category));
        }
        // Step 10: obligations on every release.
        Obligations obligations = ObligationsRule.obligations(config, request.purpose(), releasable, date);
        return Decision.fromVerdicts(verdicts, Optional.of(obligations), details);
    }

    /**
     * A reviewer's answer to a {@code PENDING_REVIEW} decision. Approval releases exactly the categories that
     * were awaiting review; everything steps 1-8 withheld stays withheld. Rejection withholds the awaiting
     * categories with {@code review_rejected}.
     *
     * @throws IllegalArgumentException if the decision is not {@code PENDING_REVIEW}
     */
    public Decision applyReview(Decision pending, ReviewVerdict verdict) {
        return pending.reviewed(verdict);
    }

    /**
     * What the gateway should call when a reviewer answers: the request is decided again at the review instant
     * (a consent withdrawn or a hold placed since the request was made takes effect), then the verdict is
     * applied. If the fresh decision no longer needs review it stands, except that a rejection still withholds
     * whatever it would release. If the record the first decision judged is not the one that matches now, or
     * changed, the answer is the uniform {@code NOT_AVAILABLE} ({@code subject_changed}): a reviewer's approval
     * never releases a record nobody judged.
     */
    public Decision decideAfterReview(IncomingRequest incoming, List<SubjectRecord> candidates, JudgedRecord judged,
                                      ReviewVerdict verdict, Instant now) {
        Objects.requireNonNull(judged, "judged record");
        Decision fresh = decide(incoming, candidates, now);
        // A refusal or a hold / country-of-origin answer on the record as it is now stands (it releases nothing
        // and its true reason is the more telling); anything else about a changed record is subject_changed.
        if (judged == JudgedRecord.CHANGED && fresh.outcome() != Outcome.REFUSED
                && !(fresh.outcome() == Outcome.NOT_AVAILABLE && fresh.internalReason().map(ReasonCode::step)
                        .orElse(0) == 7)) {
            return Decision.notAvailable(ReasonCode.SUBJECT_CHANGED);
        }
        if (fresh.outcome() == Outcome.PENDING_REVIEW) {
            return fresh.reviewed(verdict);
        }
        if (verdict == ReviewVerdict.REJECT
                && (fresh.outcome() == Outcome.RELEASED || fresh.outcome() == Outcome.PARTIALLY_RELEASED)) {
            return fresh.rejectedOnReview();
        }
        return fresh;
    }

    /**
     * The uniform answer when the holder cannot release the record a decision judged, because it is gone or
     * changed at the moment of release ({@code subject_changed}, for the holder's log only).
     */
    public Decision subjectChanged() {
        return Decision.notAvailable(ReasonCode.SUBJECT_CHANGED);
    }

    /**
     * What the holder releases when the requester collects an answer that released data (after a review, or
     * a retried collection): the request is decided again now — consent, holds, country of origin,
     * agreement, validity — as an approved review would decide it, and only categories that both the earlier
     * decision released and the fresh decision still releases leave; any other is withheld
     * ({@code review_required}: nobody approved its release). A consent withdrawn after the approval takes
     * effect at once (ASVS 8.3.2).
     *
     * @param released the categories the earlier decision released
     */
    public Decision decideAtCollection(IncomingRequest incoming, List<SubjectRecord> candidates, JudgedRecord judged,
                                       Set<Category> released, Instant now) {
        Objects.requireNonNull(released, "released categories");
        Decision fresh = decideAfterReview(incoming, candidates, judged, ReviewVerdict.APPROVE, now);
        if (fresh.outcome() != Outcome.RELEASED && fresh.outcome() != Outcome.PARTIALLY_RELEASED) {
            return fresh;
        }
        return fresh.narrowedTo(released);
    }

    /**
     * Step 9's hard review rule on its own, for a view of a record that is not a request (the UNHCR liaison's
     * view of what consents share with it): whether showing {@code categories} of {@code record} at {@code now}
     * needs a human reviewer of the holder, because the subject is or could be a child (partial or unknown date
     * of birth, counted in the policy's time zone) and something beyond IDENTITY and CASE_STATUS would be shown,
     * or because SPECIFIC_NEEDS would be shown. The policy file's triggers are about a request's purpose and
     * urgency and do not apply. Only IDENTITY and CASE_STATUS may then be shown without review.
     *
     * @return the causes for the holder's log ({@code review_child_subject}, {@code review_specific_needs});
     *         empty if no review is needed
     */
    public List<InternalDetail> reviewCauses(SubjectRecord record, Set<Category> categories, Instant now) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(categories, "categories");
        return List.copyOf(ReviewRule.hardTriggers(record, categories, LocalDate.ofInstant(now, config.timeZone())));
    }

    /** Step 3's request-level checks, shared by the requester's and the holder's side. */
    private void stepThree(InformationRequest request, JustificationHistory history, Instant now,
                           Set<ReasonCode> failures) {
        if (!IndividualizationRule.isIndividualized(request.subject())) {
            failures.add(ReasonCode.NOT_INDIVIDUALIZED);
        }
        justificationRule.check(request, history, now, failures);
        PurposeLimits.purposeRefusal(config, request.purpose()).ifPresent(failures::add);
    }

    private Screening screenInternal(IncomingRequest incoming, Instant now) {
        Objects.requireNonNull(incoming, "incoming request");
        Objects.requireNonNull(now, "now");
        InformationRequest request = incoming.request();
        LocalDate date = LocalDate.ofInstant(now, config.timeZone());
        // Step 2: the requesting agency belongs to the node that signed; only officers ask.
        EnumSet<ReasonCode> failures = EnumSet.noneOf(ReasonCode.class);
        if (!incoming.signingNodeAgencies().contains(request.requester().agency())) {
            failures.add(ReasonCode.REQUESTER_AGENCY_NOT_OF_SIGNING_NODE);
        }
        if (request.requester().role() != RequesterRole.OFFICER) {
            failures.add(ReasonCode.REQUESTER_ROLE_NOT_PERMITTED);
        }
        if (!failures.isEmpty()) {
            return decided(incoming, now, wholeRefusal(request, failures));
        }
        // Step 3: individualization and justification, never trusting the sender's check.
        stepThree(request, incoming.history(), now, failures);
        if (!failures.isEmpty()) {
            return decided(incoming, now, wholeRefusal(request, failures));
        }
        // Step 4: agreement.
        AgreementRule.Finding agreement = AgreementRule.check(request.requester().party(), incoming.holder(),
                incoming.agreements(), request.purpose(), date);
        if (agreement.refusal().isPresent()) {
            return decided(incoming, now, wholeRefusal(request, EnumSet.of(agreement.refusal().get())));
        }
        // Step 8's limits that do not depend on the subject, applied now so a request that can release
        // nothing is refused without touching a record.
        EnumMap<Category, CategoryVerdict> verdicts = new EnumMap<>(Category.class);
        for (Category category : request.categories()) {
            if (!agreement.covered().contains(category)) {
                verdicts.put(category, CategoryVerdict.withheld(category, ReasonCode.AGREEMENT_CATEGORY_NOT_COVERED));
            } else {
                PurposeLimits.categoryRefusal(config, request.purpose(), category)
                        .ifPresent(code -> verdicts.put(category, CategoryVerdict.withheld(category, code)));
            }
        }
        if (verdicts.size() == request.categories().size()) {
            return decided(incoming, now, Decision.fromVerdicts(verdicts, Optional.empty(), List.of()));
        }
        // Step 5: the query names the requester's country as nationality: answer without looking anything up.
        if (CountryOfOriginRule.namedInQuery(request.requester(), request.subject())) {
            return decided(incoming, now, Decision.notAvailable(ReasonCode.COUNTRY_OF_ORIGIN_IN_QUERY));
        }
        return new Screening(this, incoming, now, null, verdicts, date);
    }

    private static Decision wholeRefusal(InformationRequest request, Set<ReasonCode> codes) {
        ReasonCode primary = codes.iterator().next();
        EnumMap<Category, CategoryVerdict> verdicts = new EnumMap<>(Category.class);
        for (Category category : request.categories()) {
            verdicts.put(category, CategoryVerdict.withheld(category, primary));
        }
        return Decision.refusedWhole(verdicts, new ArrayList<>(codes));
    }

    private Screening decided(IncomingRequest incoming, Instant now, Decision decision) {
        return new Screening(this, incoming, now, decision, null, null);
    }

    /**
     * The result of the holder's screen (steps 2-5) of one request at one instant: a decision, or the
     * verdicts so far and the evaluation date, from which {@link #decide(Screening, List)} continues.
     * Immutable: a continuation copies the verdicts.
     */
    public static final class Screening {
        private final PolicyEngine engine;
        private final IncomingRequest incoming;
        private final Instant now;
        private final Decision decision;
        private final EnumMap<Category, CategoryVerdict> verdicts;
        private final LocalDate date;

        private Screening(PolicyEngine engine, IncomingRequest incoming, Instant now, Decision decision,
                          EnumMap<Category, CategoryVerdict> verdicts, LocalDate date) {
            this.engine = engine;
            this.incoming = incoming;
            this.now = now;
            this.decision = decision;
            this.verdicts = verdicts;
            this.date = date;
        }

        /** The screening's decision; empty if the gateway may look the subject up. */
        public Optional<Decision> decision() {
            return Optional.ofNullable(decision);
        }

        /** The request screened. */
        public IncomingRequest incoming() {
            return incoming;
        }
    }
}
