package org.regionalexchange.policy.invariants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.regionalexchange.policy.invariants.ReferralWorld.Age;
import org.regionalexchange.policy.invariants.ReferralWorld.ConsentState;
import org.regionalexchange.policy.invariants.ReferralWorld.Origins;
import org.regionalexchange.policy.model.AgencyId;
import org.regionalexchange.policy.model.ConsentGiver;
import org.regionalexchange.policy.model.CountryCode;
import org.regionalexchange.policy.model.Party;
import org.regionalexchange.policy.referral.Accompaniment;
import org.regionalexchange.policy.referral.AnswerCode;
import org.regionalexchange.policy.referral.AnswerOption;
import org.regionalexchange.policy.referral.DirectoryAgency;
import org.regionalexchange.policy.referral.Ground;
import org.regionalexchange.policy.referral.Indicator;
import org.regionalexchange.policy.referral.Indicators;
import org.regionalexchange.policy.referral.Mark;
import org.regionalexchange.policy.referral.PersonAsKnown;
import org.regionalexchange.policy.referral.PersonSource;
import org.regionalexchange.policy.referral.Priority;
import org.regionalexchange.policy.referral.Questionnaire;
import org.regionalexchange.policy.referral.ReferralBasis;
import org.regionalexchange.policy.referral.ReferralCategory;
import org.regionalexchange.policy.referral.ReferralDecision;
import org.regionalexchange.policy.referral.ReferralOutcome;
import org.regionalexchange.policy.referral.ReferralReasonCode;
import org.regionalexchange.policy.referral.ReferralRequest;
import org.regionalexchange.policy.referral.ReferralSuggestions;
import org.regionalexchange.policy.referral.ReferralType;
import org.regionalexchange.policy.referral.ReferredPerson;
import org.regionalexchange.policy.referral.ScreeningAnswers;
import org.regionalexchange.policy.referral.SuggestedReferral;

/**
 * Visits every combination of {@link ReferralWorld} (source, countries of origin, age, company or recorded need,
 * receiving agency, type, categories, consent and best-interest reason), decides it, and checks the hard rules
 * of docs/design.md §11: no referral ever reaches an agency of a country of origin; nothing leaves without
 * consent except a child's best-interest referral to child protection; the receiver has the type's function;
 * only minimal, held categories travel. It checks the suggestions of every person against the same rules, and
 * every answer code of the questionnaire file against the marks. Any counterexample is printed and fails the
 * build; the number of combinations checked must equal the size of the world.
 */
class ReferralInvariantTest {
    private static final int MAX_PRINTED = 20;
    /** The receiver's function per type, and the categories each type may carry, restated from §11 for the check. */
    private static final Map<ReferralType, String> FUNCTION = Map.of(ReferralType.ASYLUM_PROCEDURE, "RSD",
            ReferralType.CHILD_PROTECTION, "CHILD_PROTECTION", ReferralType.ANTI_TRAFFICKING, "ANTI_TRAFFICKING",
            ReferralType.SPECIFIC_NEEDS_CARE, "CARE", ReferralType.UNHCR, "UNHCR office");
    private static final Map<ReferralType, Set<ReferralCategory>> MINIMAL = minimal();
    private static final Set<ReferralCategory> CONFIDENTIAL = EnumSet.of(ReferralCategory.CLAIM, ReferralCategory.FAMILY,
            ReferralCategory.SCREENING);

    private final List<String> counterexamples = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong checked = new AtomicLong();
    private final AtomicLong violations = new AtomicLong();
    private final Set<ReferralReasonCode> reasonsSeen = ConcurrentHashMap.newKeySet();
    private final Set<ReferralBasis> basesSeen = ConcurrentHashMap.newKeySet();
    private final Set<ReferralType> typesReferred = ConcurrentHashMap.newKeySet();
    private final Map<ReferralOutcome, AtomicLong> outcomes = new ConcurrentHashMap<>();

    private static Map<ReferralType, Set<ReferralCategory>> minimal() {
        Map<ReferralType, Set<ReferralCategory>> m = new EnumMap<>(ReferralType.class);
        m.put(ReferralType.ASYLUM_PROCEDURE, EnumSet.of(ReferralCategory.IDENTITY, ReferralCategory.CASE_STATUS,
                ReferralCategory.CLAIM, ReferralCategory.FAMILY, ReferralCategory.CONTACT, ReferralCategory.SCREENING));
        m.put(ReferralType.CHILD_PROTECTION, EnumSet.of(ReferralCategory.IDENTITY, ReferralCategory.CASE_STATUS,
                ReferralCategory.FAMILY, ReferralCategory.CONTACT, ReferralCategory.SPECIFIC_NEEDS, ReferralCategory.SCREENING));
        m.put(ReferralType.ANTI_TRAFFICKING, EnumSet.of(ReferralCategory.IDENTITY, ReferralCategory.CASE_STATUS,
                ReferralCategory.CONTACT, ReferralCategory.SPECIFIC_NEEDS, ReferralCategory.SCREENING));
        m.put(ReferralType.SPECIFIC_NEEDS_CARE, EnumSet.of(ReferralCategory.IDENTITY, ReferralCategory.CONTACT,
                ReferralCategory.SPECIFIC_NEEDS));
        m.put(ReferralType.UNHCR, EnumSet.allOf(ReferralCategory.class));
        return m;
    }

    /** One person of the world, with what the check expects of them, computed from the dimensions alone. */
    record Person(String description, ReferredPerson referred, Set<CountryCode> origins, boolean couldBeChild,
                  boolean certainlyChild, Priority priority, Set<ReferralCategory> held) {
    }

    private static List<Person> people() {
        List<Person> people = new ArrayList<>();
        for (Origins origins : Origins.forScreenings()) {
            for (Age age : Age.values()) {
                for (Accompaniment company : List.of(Accompaniment.WITH_PARENT_OR_LEGAL_REPRESENTATIVE, Accompaniment.ALONE)) {
                    for (boolean observed : new boolean[] {false, true}) {
                        ScreeningAnswers answers = ReferralWorld.screening(origins, age, company, observed);
                        boolean child = age.couldBeChild || observed;
                        boolean unaccompanied = observed || (age.couldBeChild && company == Accompaniment.ALONE);
                        people.add(new Person("screening " + origins + " " + age + " " + company + " observed=" + observed,
                                ReferralWorld.ENGINE.screenedPerson(answers, ReferralWorld.NOW), origins.all(), child,
                                age.certainlyChild || observed, priority(child, unaccompanied),
                                EnumSet.of(ReferralCategory.IDENTITY, ReferralCategory.SPECIFIC_NEEDS, ReferralCategory.SCREENING)));
                    }
                }
            }
        }
        for (Origins origins : Origins.forRecords()) {
            for (Age age : Age.values()) {
                for (boolean separated : new boolean[] {false, true}) {
                    boolean child = age.couldBeChild || separated;
                    people.add(new Person("record " + origins + " " + age + " separated=" + separated,
                            ReferralWorld.ENGINE.recordedPerson(ReferralWorld.record(origins, age, separated), ReferralWorld.NOW),
                            origins.all(), child, age.certainlyChild || separated, priority(child, separated),
                            EnumSet.complementOf(EnumSet.of(ReferralCategory.SCREENING))));
                }
            }
        }
        return people;
    }

    private static Priority priority(boolean child, boolean unaccompanied) {
        return unaccompanied ? Priority.URGENT : child ? Priority.HIGH : Priority.NORMAL;
    }

    @Test
    void noCombinationOfTheWorldBreaksAReferralRule() {
        List<Person> people = people();
        List<Set<ReferralCategory>> categorySets = ReferralWorld.categorySets();
        long worldSize = (long) people.size() * ReferralWorld.AGENCIES.size() * ReferralType.values().length
                * categorySets.size() * ConsentState.values().length;
        assertEquals((54L * 24 + 18 * 12), people.size(), "people of the world");

        people.parallelStream().forEach(person -> {
            for (DirectoryAgency receiver : ReferralWorld.AGENCIES) {
                for (ReferralType type : ReferralType.values()) {
                    for (Set<ReferralCategory> categories : categorySets) {
                        for (ConsentState consent : ConsentState.values()) {
                            ReferralRequest request = new ReferralRequest(person.referred(), receiver, type, categories,
                                    consent.consent(), consent.reason());
                            check(person, receiver, type, categories, consent,
                                    ReferralWorld.ENGINE.decide(request, ReferralWorld.NOW), request);
                            checked.incrementAndGet();
                        }
                    }
                }
            }
        });

        if (!counterexamples.isEmpty()) {
            fail(violations.get() + " referral rule violation(s); first " + counterexamples.size() + ":\n"
                    + String.join("\n\n", counterexamples));
        }
        assertEquals(worldSize, checked.get(), "combinations checked must equal the size of the world");
        // Not vacuous: every reason, both outcomes, both bases and every type referred happen in the world.
        assertEquals(EnumSet.allOf(ReferralReasonCode.class), EnumSet.copyOf(reasonsSeen), "reasons seen");
        assertEquals(EnumSet.allOf(ReferralOutcome.class), EnumSet.copyOf(outcomes.keySet()), "outcomes: " + outcomes);
        assertEquals(EnumSet.allOf(ReferralBasis.class), EnumSet.copyOf(basesSeen), "bases seen");
        assertEquals(EnumSet.allOf(ReferralType.class), EnumSet.copyOf(typesReferred), "types referred");
        System.out.println("Exhaustive referral check: " + checked.get() + " combinations, outcomes " + outcomes);
    }

    private void check(Person person, DirectoryAgency receiver, ReferralType type, Set<ReferralCategory> categories,
                       ConsentState consent, ReferralDecision d, ReferralRequest request) {
        outcomes.computeIfAbsent(d.outcome(), o -> new AtomicLong()).incrementAndGet();
        reasonsSeen.addAll(d.reasons());
        List<String> broken = new ArrayList<>();
        boolean ofCountryOfOrigin = receiver.party() instanceof Party.Country c && person.origins().contains(c.code());
        boolean receivable = type == ReferralType.UNHCR ? receiver.id().equals(AgencyId.of("UNHCR-KZ"))
                : receiver.functions().stream().anyMatch(f -> f.name().equals(FUNCTION.get(type)));
        boolean minimal = categories.contains(ReferralCategory.IDENTITY) && MINIMAL.get(type).containsAll(categories)
                && person.held().containsAll(categories);
        boolean onConsent = consent.giver.isPresent() && !consent.bestInterest
                && !(consent.giver.get() == ConsentGiver.SUBJECT && person.certainlyChild());
        boolean inBestInterest = consent.giver.isEmpty() && consent.bestInterest && type == ReferralType.CHILD_PROTECTION
                && person.couldBeChild() && categories.stream().noneMatch(CONFIDENTIAL::contains);
        // 1. Never to a country of origin, whatever the consent or reason (seed 002; 000 §8.5).
        if (ofCountryOfOrigin && (d.isReferred() || !d.reasons().contains(ReferralReasonCode.RECEIVER_COUNTRY_OF_ORIGIN))) {
            broken.add("a referral to an agency of a country of origin " + person.origins() + " was not refused for it");
        }
        if (!ofCountryOfOrigin && d.reasons().contains(ReferralReasonCode.RECEIVER_COUNTRY_OF_ORIGIN)) {
            broken.add("receiver_country_of_origin given for a receiver outside " + person.origins());
        }
        // 2. Nothing without consent, except a possible child's best-interest referral to child protection.
        if (d.isReferred()) {
            ReferralBasis basis = d.basis().orElse(null);
            basesSeen.add(basis);
            typesReferred.add(type);
            if (basis == ReferralBasis.CONSENT && !onConsent) {
                broken.add("referred on consent " + consent + " for a person certainly a child: " + person.certainlyChild());
            }
            if (basis == ReferralBasis.CHILD_BEST_INTEREST && !inBestInterest) {
                broken.add("referred in the best interest of " + (person.couldBeChild() ? "a child" : "an adult")
                        + " with consent " + consent + ", type " + type + ", categories " + categories);
            }
            // 3. The receiver can do what the type needs; 4. only minimal, held categories, exactly those asked for.
            if (!receivable) {
                broken.add("referred to " + receiver.id() + " which lacks " + FUNCTION.get(type));
            }
            if (!minimal || !d.categories().equals(categories)) {
                broken.add("referred categories " + d.categories() + " for " + categories + " of type " + type);
            }
        } else if (d.reasons().isEmpty() || !d.categories().isEmpty() || d.basis().isPresent()) {
            broken.add("a refusal must carry nothing and say why");
        }
        // 5. Exactly the rules: referred iff every one of them holds; the whole-request reasons are the failing ones.
        boolean expected = !ofCountryOfOrigin && receivable && minimal && (onConsent || inBestInterest);
        if (d.isReferred() != expected) {
            broken.add("outcome " + d.outcome() + " but the rules say " + (expected ? "REFERRED" : "REFUSED"));
        }
        if (d.reasons().contains(ReferralReasonCode.RECEIVER_LACKS_FUNCTION) == receivable) {
            broken.add("receiver_lacks_function " + (receivable ? "given for a receiver that has " : "missing for one without ")
                    + FUNCTION.get(type));
        }
        if (d.reasons().contains(ReferralReasonCode.IDENTITY_REQUIRED) == categories.contains(ReferralCategory.IDENTITY)) {
            broken.add("identity_required does not match the categories " + categories);
        }
        // 6. Priority from the person alone.
        if (d.priority() != person.priority()) {
            broken.add("priority " + d.priority() + ", expected " + person.priority());
        }
        if (checked.get() % 101 == 0 && !d.equals(ReferralWorld.ENGINE.decide(request, ReferralWorld.NOW))) {
            broken.add("decide is not deterministic");
        }
        if (!broken.isEmpty()) {
            violations.incrementAndGet();
            if (counterexamples.size() < MAX_PRINTED) {
                counterexamples.add("COUNTEREXAMPLE " + person.description() + " to " + receiver.id() + " as " + type
                        + " carrying " + categories + " with " + consent + "\n  decision: " + d + "\n  broken: " + broken);
            }
        }
    }

    /** Suggestions follow the same rules: never a country of origin, always a capable agency, UNHCR always. */
    @Test
    void noSuggestionBreaksAReferralRule() {
        List<String> broken = new ArrayList<>();
        for (Person person : people()) {
            ReferralSuggestions s = ReferralWorld.ENGINE.suggestedReferrals(person.referred(), ReferralWorld.DIRECTORY);
            EnumSet<ReferralType> types = EnumSet.noneOf(ReferralType.class);
            Priority previous = Priority.URGENT;
            for (SuggestedReferral suggestion : s.suggestions()) {
                types.add(suggestion.type());
                if (suggestion.agency().party() instanceof Party.Country c && person.origins().contains(c.code())) {
                    broken.add(person.description() + ": suggested " + suggestion.agency().id() + " of a country of origin");
                }
                if (!suggestion.type().isReceivableBy(suggestion.agency())) {
                    broken.add(person.description() + ": suggested " + suggestion.agency().id() + " for " + suggestion.type());
                }
                if (suggestion.priority().isMoreUrgentThan(previous)) {
                    broken.add(person.description() + ": suggestions not most urgent first " + s.suggestions());
                }
                previous = suggestion.priority();
            }
            if (!types.contains(ReferralType.UNHCR)) {
                broken.add(person.description() + ": no UNHCR office suggested");
            }
            for (Indicator indicator : person.referred().indicators().raised()) {
                ReferralType wanted = switch (indicator) {
                    case POTENTIAL_ASYLUM_SEEKER -> ReferralType.ASYLUM_PROCEDURE;
                    case POTENTIAL_TRAFFICKING_VICTIM -> ReferralType.ANTI_TRAFFICKING;
                    case CHILD, UNACCOMPANIED_OR_SEPARATED_CHILD -> ReferralType.CHILD_PROTECTION;
                    default -> ReferralType.SPECIFIC_NEEDS_CARE;
                };
                if (!types.contains(wanted) && !s.noAgencyFor().contains(wanted)) {
                    broken.add(person.description() + ": " + indicator + " suggests no " + wanted + " and reports no gap");
                }
            }
            if (person.couldBeChild() != person.referred().indicators().contains(Indicator.CHILD)) {
                broken.add(person.description() + ": CHILD indicator " + person.referred().indicators());
            }
            if (broken.size() >= MAX_PRINTED) {
                break;
            }
        }
        assertTrue(broken.isEmpty(), String.join("\n", broken));
    }

    /**
     * Every answer code of the questionnaire file, alone and with every other: a starred answer always raises
     * POTENTIAL_ASYLUM_SEEKER with itself as a ground, a crossed one POTENTIAL_TRAFFICKING_VICTIM, an answer
     * that indicates a specific need raises it, and nothing else is raised for an adult with no observation.
     */
    @Test
    void everyMarkedAnswerRaisesItsIndicator() {
        Questionnaire questionnaire = ReferralWorld.ENGINE.questionnaire();
        List<AnswerCode> codes = questionnaire.answerCodes();
        assertEquals(46, codes.size(), "answer codes of the Annex 1 file");
        List<String> broken = new ArrayList<>();
        int marked = 0;
        for (AnswerCode code : codes) {
            AnswerOption option = questionnaire.option(code).orElseThrow();
            marked += option.marks().isEmpty() ? 0 : 1;
            Indicators indicators = ReferralWorld.ENGINE.indicators(adultAnswering(List.of(code), questionnaire), ReferralWorld.NOW);
            EnumSet<Indicator> expected = EnumSet.noneOf(Indicator.class);
            option.marks().forEach(m -> expected.add(m.indicator()));
            expected.addAll(option.indicates());
            if (!indicators.raised().equals(expected)) {
                broken.add(code + " " + option.marks() + " raised " + indicators);
            }
            for (Indicator indicator : expected) {
                if (!indicators.groundsOf(indicator).equals(List.of(Ground.answer(code)))) {
                    broken.add(code + " is not the ground of " + indicator + ": " + indicators);
                }
            }
            if (option.marks().contains(Mark.ASTERISK) != indicators.contains(Indicator.POTENTIAL_ASYLUM_SEEKER)
                    || option.marks().contains(Mark.CROSS) != indicators.contains(Indicator.POTENTIAL_TRAFFICKING_VICTIM)) {
                broken.add(code + " marks " + option.marks() + " but raised " + indicators.raised());
            }
        }
        // Pairs: one answer never hides another's indicator.
        for (AnswerCode a : codes) {
            for (AnswerCode b : codes) {
                if (a.question().equals(b.question()) && !a.equals(b)
                        && questionnaire.question(a.question()).orElseThrow().kind().name().equals("YES_NO")) {
                    continue;
                }
                Indicators both = ReferralWorld.ENGINE.indicators(adultAnswering(List.of(a, b), questionnaire), ReferralWorld.NOW);
                EnumSet<Indicator> union = EnumSet.noneOf(Indicator.class);
                for (AnswerCode code : List.of(a, b)) {
                    questionnaire.option(code).orElseThrow().raises().forEach(union::add);
                }
                if (!both.raised().equals(union)) {
                    broken.add(a + " with " + b + " raised " + both.raised() + ", expected " + union);
                }
            }
        }
        assertTrue(marked >= 20, "marked answers in the file: " + marked);
        assertTrue(broken.isEmpty(), String.join("\n", broken.subList(0, Math.min(broken.size(), MAX_PRINTED))));
    }

    private static ScreeningAnswers adultAnswering(List<AnswerCode> codes, Questionnaire questionnaire) {
        Map<AnswerCode, String> texts = new HashMap<>();
        for (AnswerCode code : codes) {
            if (questionnaire.option(code).orElseThrow().specify()) {
                texts.put(code, "as the person said");
            }
        }
        return new ScreeningAnswers(new PersonAsKnown(Optional.of(org.regionalexchange.policy.model.BirthDate.parse("1990")),
                Set.of(ReferralWorld.AF), Set.of(), Accompaniment.ALONE), Set.copyOf(codes), texts, Optional.empty(),
                Set.of(), Set.of(), Set.of());
    }

    @Test
    void theWorldHasPeopleOfBothSources() {
        EnumSet<PersonSource> sources = EnumSet.noneOf(PersonSource.class);
        people().forEach(p -> sources.add(p.referred().source()));
        assertEquals(EnumSet.allOf(PersonSource.class), sources);
    }
}
