package org.regionalexchange.policy.invariants;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.regionalexchange.policy.config.QuestionnaireFileLoader;
import org.regionalexchange.policy.model.AgencyId;
import org.regionalexchange.policy.model.BirthDate;
import org.regionalexchange.policy.model.ConsentGiver;
import org.regionalexchange.policy.model.CountryCode;
import org.regionalexchange.policy.model.Party;
import org.regionalexchange.policy.model.SpecificNeed;
import org.regionalexchange.policy.model.SubjectRecord;
import org.regionalexchange.policy.referral.Accompaniment;
import org.regionalexchange.policy.referral.AgencyFunction;
import org.regionalexchange.policy.referral.AnswerCode;
import org.regionalexchange.policy.referral.ContactBlock;
import org.regionalexchange.policy.referral.DirectoryAgency;
import org.regionalexchange.policy.referral.ObservedNeed;
import org.regionalexchange.policy.referral.PersonAsKnown;
import org.regionalexchange.policy.referral.ReferralCategory;
import org.regionalexchange.policy.referral.ReferralConsent;
import org.regionalexchange.policy.referral.ReferralDirectory;
import org.regionalexchange.policy.referral.ReferralEngine;
import org.regionalexchange.policy.referral.ScreeningAnswers;

/**
 * The finite world of the exhaustive referral check. The host is Kazakhstan; the registry holds Kazakh
 * agencies, one Kyrgyz and one Afghan agency that have every referral function (so that only the country-of-
 * origin rule can stop a referral to them), agencies lacking functions, and UNHCR's office. Every dimension's
 * expected meaning is computed here from the dimension itself, never by asking the engine.
 */
final class ReferralWorld {
    static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    static final ReferralEngine ENGINE = ReferralEngine.of(QuestionnaireFileLoader.annex1(), ZoneOffset.UTC);
    static final CountryCode AF = CountryCode.of("AF");
    static final CountryCode KG = CountryCode.of("KG");
    static final CountryCode KZ = CountryCode.of("KZ");
    private static final ContactBlock CONTACT = new ContactBlock(Optional.empty(), "Unit", Optional.empty(), "+7 000",
            Optional.empty(), "Address", "24/7", Optional.empty());
    private static final Set<AgencyFunction> ALL_REFERRAL_FUNCTIONS = EnumSet.of(AgencyFunction.RSD,
            AgencyFunction.CHILD_PROTECTION, AgencyFunction.ANTI_TRAFFICKING, AgencyFunction.CARE);

    /** Every agency of the registry; the directory lists them all, so suggestions meet every one. */
    static final List<DirectoryAgency> AGENCIES = List.of(
            agency("KZ-MIGRATION", Party.country("KZ"), EnumSet.of(AgencyFunction.RSD)),
            agency("KZ-BORDER", Party.country("KZ"), EnumSet.of(AgencyFunction.BORDER, AgencyFunction.SECURITY)),
            agency("KZ-CHILD-PROTECTION", Party.country("KZ"), EnumSet.of(AgencyFunction.CHILD_PROTECTION)),
            agency("KZ-ANTI-TRAFFICKING", Party.country("KZ"), EnumSet.of(AgencyFunction.ANTI_TRAFFICKING)),
            agency("KZ-CRISIS-CENTRE", Party.country("KZ"), EnumSet.of(AgencyFunction.CARE)),
            agency("UNHCR-KZ", Party.organization("UNHCR"), EnumSet.of(AgencyFunction.LIAISON)),
            agency("IOM-KZ", Party.organization("IOM"), EnumSet.of(AgencyFunction.CARE, AgencyFunction.LIAISON)),
            agency("KG-EVERYTHING", Party.country("KG"), ALL_REFERRAL_FUNCTIONS),
            agency("AF-EVERYTHING", Party.country("AF"), ALL_REFERRAL_FUNCTIONS),
            agency("AF-MOI", Party.country("AF"), EnumSet.of(AgencyFunction.SECURITY)));
    static final ReferralDirectory DIRECTORY = new ReferralDirectory(AGENCIES);

    private static DirectoryAgency agency(String id, Party party, Set<AgencyFunction> functions) {
        return new DirectoryAgency(AgencyId.of(id), id, party, functions, CONTACT);
    }

    /** The person's countries of origin over the pool {AF, KG, KZ}. */
    record Origins(Set<CountryCode> nationalities, Set<CountryCode> formerResidences, Optional<CountryCode> journeyStart,
                   Set<CountryCode> fled, Set<CountryCode> feared) {
        Set<CountryCode> all() {
            Set<CountryCode> all = new java.util.TreeSet<>(nationalities);
            all.addAll(formerResidences);
            journeyStart.ifPresent(all::add);
            all.addAll(fled);
            all.addAll(feared);
            return all;
        }

        /** Screening: nationality × former residence × (journey start or named as fled) × feared. */
        static List<Origins> forScreenings() {
            List<Origins> all = new ArrayList<>();
            for (Set<CountryCode> n : List.of(Set.<CountryCode>of(), Set.of(AF), Set.of(KG))) {
                for (Set<CountryCode> r : List.of(Set.<CountryCode>of(), Set.of(KG))) {
                    for (int fled = 0; fled < 3; fled++) {
                        for (Set<CountryCode> f : List.of(Set.<CountryCode>of(), Set.of(KZ), Set.of(KG))) {
                            Optional<CountryCode> start = fled == 1 ? Optional.of(KG) : Optional.empty();
                            Set<CountryCode> named = fled == 2 ? Set.of(KZ) : Set.of();
                            all.add(new Origins(n, r, start, named, f));
                        }
                    }
                }
            }
            return all;
        }

        /** Record: nationality × former residence × countries of feared persecution. */
        static List<Origins> forRecords() {
            List<Origins> all = new ArrayList<>();
            for (Set<CountryCode> n : List.of(Set.<CountryCode>of(), Set.of(AF), Set.of(KG))) {
                for (Set<CountryCode> r : List.of(Set.<CountryCode>of(), Set.of(KG))) {
                    for (Set<CountryCode> f : List.of(Set.<CountryCode>of(), Set.of(KZ), Set.of(KG, AF))) {
                        all.add(new Origins(n, r, Optional.empty(), Set.of(), f));
                    }
                }
            }
            return all;
        }
    }

    /** Ages on 30 November 2026, as known. */
    enum Age {
        ADULT("1990-05-01", false, false), CHILD("2012-01-15", true, true), YEAR_COULD_BE_CHILD("2008", true, false),
        YEAR_CERTAINLY_CHILD("2010", true, true), MONTH_JUST_ADULT("2008-11", false, false), UNKNOWN(null, true, false);

        final Optional<BirthDate> birth;
        final boolean couldBeChild;
        final boolean certainlyChild;

        Age(String text, boolean couldBeChild, boolean certainlyChild) {
            this.birth = Optional.ofNullable(text).map(BirthDate::parse);
            this.couldBeChild = couldBeChild;
            this.certainlyChild = certainlyChild;
        }
    }

    enum ConsentState {
        NONE(Optional.empty(), false), SUBJECT(Optional.of(ConsentGiver.SUBJECT), false),
        GUARDIAN(Optional.of(ConsentGiver.GUARDIAN), false), BEST_INTEREST(Optional.empty(), true),
        SUBJECT_AND_BEST_INTEREST(Optional.of(ConsentGiver.SUBJECT), true),
        GUARDIAN_AND_BEST_INTEREST(Optional.of(ConsentGiver.GUARDIAN), true);

        final Optional<ConsentGiver> giver;
        final boolean bestInterest;

        ConsentState(Optional<ConsentGiver> giver, boolean bestInterest) {
            this.giver = giver;
            this.bestInterest = bestInterest;
        }

        Optional<ReferralConsent> consent() {
            return giver.map(g -> new ReferralConsent(g, "prs", true, Optional.empty()));
        }

        Optional<String> reason() {
            return bestInterest ? Optional.of("The child is alone and in danger tonight.") : Optional.empty();
        }
    }

    /** Each category alone, all seven, and the combinations the API's examples use. */
    static List<Set<ReferralCategory>> categorySets() {
        List<Set<ReferralCategory>> sets = new ArrayList<>();
        for (ReferralCategory category : ReferralCategory.values()) {
            sets.add(EnumSet.of(category));
        }
        sets.add(EnumSet.allOf(ReferralCategory.class));
        sets.add(EnumSet.of(ReferralCategory.IDENTITY, ReferralCategory.SPECIFIC_NEEDS));
        sets.add(EnumSet.of(ReferralCategory.IDENTITY, ReferralCategory.SCREENING));
        sets.add(EnumSet.of(ReferralCategory.IDENTITY, ReferralCategory.SPECIFIC_NEEDS, ReferralCategory.SCREENING));
        sets.add(EnumSet.of(ReferralCategory.IDENTITY, ReferralCategory.CLAIM, ReferralCategory.FAMILY));
        return sets;
    }

    /** A screening of a person who fled persecution, with the given origins, age and company. */
    static ScreeningAnswers screening(Origins origins, Age age, Accompaniment company, boolean observedUnaccompanied) {
        return new ScreeningAnswers(new PersonAsKnown(age.birth, origins.nationalities(), origins.formerResidences(), company),
                Set.of(AnswerCode.of("reasonsForLeaving", "PERSECUTION")), Map.of(), origins.journeyStart(),
                origins.fled(), origins.feared(),
                observedUnaccompanied ? EnumSet.of(ObservedNeed.UNACCOMPANIED_OR_SEPARATED_CHILD) : EnumSet.noneOf(ObservedNeed.class));
    }

    static SubjectRecord record(Origins origins, Age age, boolean separatedChild) {
        return new SubjectRecord("KZ-2026-000123", origins.nationalities(), origins.formerResidences(), origins.feared(),
                age.birth, separatedChild ? EnumSet.of(SpecificNeed.SEPARATED_CHILD) : EnumSet.noneOf(SpecificNeed.class),
                false, List.of());
    }

    private ReferralWorld() {
    }
}
