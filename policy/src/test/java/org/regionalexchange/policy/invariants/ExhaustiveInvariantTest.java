package org.regionalexchange.policy.invariants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.regionalexchange.policy.CategoryVerdict;
import org.regionalexchange.policy.Decision;
import org.regionalexchange.policy.HandlingCode;
import org.regionalexchange.policy.Obligations;
import org.regionalexchange.policy.Outcome;
import org.regionalexchange.policy.PolicyEngine;
import org.regionalexchange.policy.ReasonCode;
import org.regionalexchange.policy.RequesterView;
import org.regionalexchange.policy.ReviewVerdict;
import org.regionalexchange.policy.VerdictStatus;
import org.regionalexchange.policy.invariants.SmallWorld.Age;
import org.regionalexchange.policy.invariants.SmallWorld.Asker;
import org.regionalexchange.policy.invariants.SmallWorld.ConsentState;
import org.regionalexchange.policy.invariants.SmallWorld.Origins;
import org.regionalexchange.policy.invariants.SmallWorld.Resolution;
import org.regionalexchange.policy.invariants.SmallWorld.Selector;
import org.regionalexchange.policy.model.Category;
import org.regionalexchange.policy.model.CountryCode;
import org.regionalexchange.policy.model.IncomingRequest;
import org.regionalexchange.policy.model.InformationRequest;
import org.regionalexchange.policy.model.Purpose;
import org.regionalexchange.policy.model.SubjectRecord;

/**
 * Visits every combination of {@link SmallWorld} (requester, countries of origin, protection hold, purpose,
 * categories, consent state, age, selector, number of matching records), decides it, applies both review
 * verdicts to every pending decision, and checks the invariants: no release to a country of origin, no
 * confidential category without consent, NOT_AVAILABLE uniform. Any counterexample is printed in full and
 * fails the build; the number of combinations checked must equal the size of the world.
 */
class ExhaustiveInvariantTest {
    private static final int MAX_PRINTED = 20;
    private final PolicyEngine engine = PolicyEngine.of(SmallWorld.permissivePolicy());
    private final List<String> counterexamples = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong checked = new AtomicLong();
    private final AtomicLong violations = new AtomicLong();
    private final Map<Outcome, AtomicLong> outcomes = new ConcurrentHashMap<>();
    private final Map<ReasonCode, AtomicLong> notAvailableCauses = new ConcurrentHashMap<>();
    private final Set<RequesterView> notAvailableViews = ConcurrentHashMap.newKeySet();

    @Test
    void noCombinationOfTheWorldBreaksAnInvariant() {
        List<Origins> origins = Origins.all();
        List<Set<Category>> categorySets = SmallWorld.categorySets();
        long worldSize = (long) Asker.values().length * origins.size() * 2 * Purpose.values().length
                * categorySets.size() * ConsentState.values().length * Age.values().length
                * Selector.values().length * Resolution.values().length;

        Stream.of(Asker.values()).flatMap(a -> Stream.of(Purpose.values()).map(p -> Map.entry(a, p)))
                .parallel()
                .forEach(e -> visit(e.getKey(), e.getValue(), origins, categorySets));

        if (!counterexamples.isEmpty()) {
            fail(violations.get() + " invariant violation(s); first " + counterexamples.size() + ":\n"
                    + String.join("\n\n", counterexamples));
        }
        assertEquals(worldSize, checked.get(), "combinations checked must equal the size of the world");
        // The check is not vacuous: every outcome and every cause of NOT_AVAILABLE happens in the world...
        assertEquals(EnumSet.allOf(Outcome.class), EnumSet.copyOf(outcomes.keySet()), "outcomes seen: " + outcomes);
        assertEquals(EnumSet.of(ReasonCode.NO_MATCH, ReasonCode.AMBIGUOUS_MATCH, ReasonCode.COUNTRY_OF_ORIGIN_IN_QUERY,
                ReasonCode.COUNTRY_OF_ORIGIN_ON_RECORD, ReasonCode.PROTECTION_HOLD),
                EnumSet.copyOf(notAvailableCauses.keySet()), "NOT_AVAILABLE causes seen");
        // ...and all of them look exactly the same to the requester.
        assertEquals(1, notAvailableViews.size(), "distinct requester views of NOT_AVAILABLE: " + notAvailableViews);
        System.out.println("Exhaustive invariant check: " + checked.get() + " combinations, outcomes " + outcomes
                + ", NOT_AVAILABLE causes " + notAvailableCauses);
    }

    private void visit(Asker asker, Purpose purpose, List<Origins> origins, List<Set<Category>> categorySets) {
        for (Origins origin : origins) {
            for (boolean hold : new boolean[] {false, true}) {
                for (ConsentState consent : ConsentState.values()) {
                    for (Age age : Age.values()) {
                        SubjectRecord record = SmallWorld.record("KZ-2026-000123", asker, origin, hold, consent, age, purpose);
                        SubjectRecord twin = SmallWorld.record("KZ-2026-000456", asker, origin, hold, consent, age, purpose);
                        for (Set<Category> categories : categorySets) {
                            for (Selector selector : Selector.values()) {
                                InformationRequest request = SmallWorld.request(asker, purpose, categories, selector);
                                IncomingRequest incoming = SmallWorld.incoming(asker, request);
                                RequesterView notOnRecord = engine.decide(incoming, List.of(), SmallWorld.NOW).requesterView();
                                for (Resolution resolution : Resolution.values()) {
                                    List<SubjectRecord> candidates = switch (resolution) {
                                        case ONE -> List.of(record);
                                        case NONE -> List.of();
                                        case TWO -> List.of(record, twin);
                                    };
                                    Combination c = new Combination(asker, origin, hold, purpose, categories, consent,
                                            age, selector, resolution);
                                    check(c, engine.decide(incoming, candidates, SmallWorld.NOW), incoming, candidates, notOnRecord);
                                    checked.incrementAndGet();
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    record Combination(Asker asker, Origins origins, boolean hold, Purpose purpose, Set<Category> categories,
                       ConsentState consent, Age age, Selector selector, Resolution resolution) {
        boolean requesterIsCountryOfOrigin() {
            CountryCode country = asker.country().orElse(null);
            if (country == null) {
                return false;
            }
            return (selector == Selector.IDENTITY_NAMING_REQUESTER_COUNTRY) || origins.contains(country);
        }
    }

    private void check(Combination c, Decision d, IncomingRequest incoming, List<SubjectRecord> candidates,
                       RequesterView notOnRecord) {
        outcomes.computeIfAbsent(d.outcome(), o -> new AtomicLong()).incrementAndGet();
        List<String> broken = new ArrayList<>();
        checkDecision(c, d, "", broken);
        // A country of origin, or anyone asking about a record on hold, gets exactly the answer it would get
        // if the person were not on record: nothing in it depends on the person (seed 000 §8.5, R8).
        if ((c.requesterIsCountryOfOrigin() || c.hold()) && c.resolution() == Resolution.ONE) {
            if (!d.requesterView().equals(notOnRecord)) {
                broken.add("requester view " + d.requesterView() + " differs from the not-on-record view " + notOnRecord);
            }
        }
        if (d.outcome() == Outcome.NOT_AVAILABLE) {
            notAvailableCauses.computeIfAbsent(d.internalReason().orElseThrow(), r -> new AtomicLong()).incrementAndGet();
            notAvailableViews.add(d.requesterView());
        }
        if (d.outcome() == Outcome.PENDING_REVIEW) {
            Decision approved = engine.applyReview(d, ReviewVerdict.APPROVE);
            Decision rejected = engine.applyReview(d, ReviewVerdict.REJECT);
            checkDecision(c, approved, "after approval ", broken);
            checkDecision(c, rejected, "after rejection ", broken);
            if (!approved.categories(VerdictStatus.RELEASED).equals(d.categories(VerdictStatus.AWAITING_REVIEW))) {
                broken.add("approval released " + approved.categories(VerdictStatus.RELEASED) + " but "
                        + d.categories(VerdictStatus.AWAITING_REVIEW) + " awaited review");
            }
            for (CategoryVerdict v : d.verdicts().values()) {
                if (v.status() == VerdictStatus.WITHHELD && !v.equals(approved.verdicts().get(v.category()))) {
                    broken.add("approval changed the withheld verdict " + v);
                }
            }
            if (!rejected.categories(VerdictStatus.RELEASED).isEmpty()) {
                broken.add("rejection released " + rejected.categories(VerdictStatus.RELEASED));
            }
        }
        if (checked.get() % 97 == 0 && !d.equals(engine.decide(incoming, candidates, SmallWorld.NOW))) {
            broken.add("decide is not deterministic");
        }
        // The holder screens once and continues from the screening: the same decision, in every world.
        PolicyEngine.Screening screening = engine.screening(incoming, SmallWorld.NOW);
        if (!d.equals(engine.decide(screening, candidates))) {
            broken.add("decide continued from the screening differs: " + engine.decide(screening, candidates));
        }
        if (!screening.decision().equals(engine.screen(incoming, SmallWorld.NOW))) {
            broken.add("screening differs from screen");
        }
        if (!broken.isEmpty()) {
            violations.incrementAndGet();
            if (counterexamples.size() < MAX_PRINTED) {
                counterexamples.add("COUNTEREXAMPLE " + c + "\n  decision: " + d + "\n  broken: " + broken);
            }
        }
    }

    /** The invariants any decision, including one produced by a review, must satisfy. */
    private static void checkDecision(Combination c, Decision d, String when, List<String> broken) {
        EnumSet<Category> out = EnumSet.noneOf(Category.class);
        out.addAll(d.categories(VerdictStatus.RELEASED));
        out.addAll(d.categories(VerdictStatus.AWAITING_REVIEW));
        boolean singleRecord = c.resolution() == Resolution.ONE;
        // 1. Nothing is ever released (or made releasable) to a country of origin (its answer is also compared
        //    with the not-on-record answer in check()).
        if (c.requesterIsCountryOfOrigin() && !out.isEmpty()) {
            broken.add(when + "released " + out + " to a country of origin");
        }
        // 2. No confidential category without a covering consent.
        for (Category category : out) {
            if (category.requiresConsent() && c.consent() != ConsentState.COVERING) {
                broken.add(when + "released " + category + " with consent " + c.consent());
            }
        }
        // 3. Nothing about a person who is not singled out, or on hold.
        if ((!singleRecord || c.hold()) && !out.isEmpty()) {
            broken.add(when + "released " + out + " with " + c.resolution() + " record(s), hold " + c.hold());
        }
        // 4. Hard purpose limits.
        if (out.contains(Category.CONTACT) && c.purpose().isSecurityOrExclusion()) {
            broken.add(when + "released CONTACT for " + c.purpose());
        }
        if (out.contains(Category.SPECIFIC_NEEDS) && !c.purpose().isProtectionPurpose()) {
            broken.add(when + "released SPECIFIC_NEEDS for " + c.purpose());
        }
        // 5. Review: specific needs and a (possible) child's data beyond identity and status never leave unreviewed.
        if (d.categories(VerdictStatus.RELEASED).contains(Category.SPECIFIC_NEEDS) && !d.internalDetails().stream()
                .anyMatch(x -> x.code() == ReasonCode.REVIEW_APPROVED)) {
            broken.add(when + "released SPECIFIC_NEEDS without review");
        }
        boolean beyond = d.categories(VerdictStatus.RELEASED).stream()
                .anyMatch(x -> x != Category.IDENTITY && x != Category.CASE_STATUS);
        if (c.age().couldBeChild() && beyond && d.internalDetails().stream()
                .noneMatch(x -> x.code() == ReasonCode.REVIEW_APPROVED)) {
            broken.add(when + "released a child's " + d.categories(VerdictStatus.RELEASED) + " without review");
        }
        // 6. NOT_AVAILABLE carries nothing the requester could read.
        if (d.outcome() == Outcome.NOT_AVAILABLE) {
            RequesterView view = d.requesterView();
            if (!view.released().isEmpty() || !view.awaitingReview().isEmpty() || !view.withheld().isEmpty()
                    || !view.reasons().isEmpty() || view.obligations().isPresent()) {
                broken.add(when + "NOT_AVAILABLE view carries " + view);
            }
        }
        // 7. Obligations on every release, for the stated purpose only.
        if (!out.isEmpty()) {
            if (d.obligations().isEmpty()) {
                broken.add(when + "release without obligations");
            } else {
                Obligations o = d.obligations().get();
                if (o.handling() != HandlingCode.NO_ONWARD_TRANSFER || o.permittedUse() != c.purpose()
                        || !o.retainUntil().equals(SmallWorld.TODAY.plusDays(30))) {
                    broken.add(when + "wrong obligations " + o);
                }
            }
        }
        // 8. Every requested category has a verdict (unless NOT_AVAILABLE, which has none).
        if (d.outcome() != Outcome.NOT_AVAILABLE && !d.verdicts().keySet().equals(c.categories())) {
            broken.add(when + "verdicts " + d.verdicts().keySet() + " for request " + c.categories());
        }
    }

    @Test
    void theWorldReallyContainsReleasesOfEveryCategory() {
        // Guards against a world so hostile that invariants hold vacuously: with covering consent, an adult,
        // a protection purpose and one record, every category reaches the requester (after review if needed).
        EnumMap<Category, Boolean> released = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            Set<Category> one = EnumSet.of(category);
            InformationRequest request = SmallWorld.request(Asker.KG_OFFICER, Purpose.PROTECTION_REFERRAL, one,
                    Selector.RECORD_REFERENCE);
            SubjectRecord record = SmallWorld.record("KZ-2026-000123", Asker.KG_OFFICER, Origins.all().get(3), false,
                    ConsentState.COVERING, Age.ADULT, Purpose.PROTECTION_REFERRAL);
            Decision d = engine.decide(SmallWorld.incoming(Asker.KG_OFFICER, request), List.of(record), SmallWorld.NOW);
            if (d.outcome() == Outcome.PENDING_REVIEW) {
                d = engine.applyReview(d, ReviewVerdict.APPROVE);
            }
            released.put(category, d.categories(VerdictStatus.RELEASED).contains(category));
        }
        assertTrue(released.values().stream().allMatch(b -> b), "released per category: " + released);
    }
}
