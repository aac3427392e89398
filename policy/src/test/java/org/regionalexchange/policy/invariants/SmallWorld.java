package org.regionalexchange.policy.invariants;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.regionalexchange.policy.config.JustificationPolicy;
import org.regionalexchange.policy.config.PolicyConfig;
import org.regionalexchange.policy.config.PurposePolicy;
import org.regionalexchange.policy.model.AgencyId;
import org.regionalexchange.policy.model.Agreement;
import org.regionalexchange.policy.model.BirthDate;
import org.regionalexchange.policy.model.Category;
import org.regionalexchange.policy.model.Consent;
import org.regionalexchange.policy.model.ConsentGiver;
import org.regionalexchange.policy.model.ConsentRecipient;
import org.regionalexchange.policy.model.CountryCode;
import org.regionalexchange.policy.model.IncomingRequest;
import org.regionalexchange.policy.model.InformationRequest;
import org.regionalexchange.policy.model.JustificationHistory;
import org.regionalexchange.policy.model.LegalBasis;
import org.regionalexchange.policy.model.NodeId;
import org.regionalexchange.policy.model.Party;
import org.regionalexchange.policy.model.Purpose;
import org.regionalexchange.policy.model.Requester;
import org.regionalexchange.policy.model.RequesterRole;
import org.regionalexchange.policy.model.SpecificNeed;
import org.regionalexchange.policy.model.SubjectRecord;
import org.regionalexchange.policy.model.SubjectSelector;
import org.regionalexchange.policy.model.Urgency;
import org.regionalexchange.policy.model.Withdrawal;

/**
 * The finite world of the exhaustive invariant check: each dimension is an enum or a list, and the test
 * visits their full cartesian product. The holder is a Kazakh node; every pair of parties has an agreement
 * covering everything, and the policy enables every purpose with every category (even the combinations the
 * hard rules forbid, to show that configuration cannot open them).
 */
final class SmallWorld {
    static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    static final Party HOLDER = Party.country("KZ");
    static final CountryCode AF = CountryCode.of("AF");
    static final CountryCode KG = CountryCode.of("KG");

    /** Who asks. AF is a country of origin that has (improbably) an agreement, so only the CoO rule stops it. */
    enum Asker {
        KG_OFFICER(Party.country("KG"), "KG-SMS", "KG-BORDER"),
        AF_OFFICER(Party.country("AF"), "AF-MOI", "AF-NSA"),
        KZ_OFFICER(Party.country("KZ"), "KZ-BORDER", "KZ-POLICE"),
        UNHCR_OFFICER(Party.organization("UNHCR"), "UNHCR-KZ", "UNHCR-KG");

        final Party party;
        final AgencyId agency;
        /** Another agency of the same party, for consents that name the wrong agency. */
        final AgencyId sibling;

        Asker(Party party, String agency, String sibling) {
            this.party = party;
            this.agency = AgencyId.of(agency);
            this.sibling = AgencyId.of(sibling);
        }

        Optional<CountryCode> country() {
            return party instanceof Party.Country c ? Optional.of(c.code()) : Optional.empty();
        }

        Requester requester() {
            return new Requester(NodeId.of(name().toLowerCase().replace('_', '-')), party, agency, RequesterRole.OFFICER);
        }
    }

    /** The subject's countries of origin, over the pool {AF, KG}: nationalities × former residence × fear. */
    record Origins(Set<CountryCode> nationalities, Set<CountryCode> formerResidences, Set<CountryCode> fear) {
        boolean contains(CountryCode country) {
            return nationalities.contains(country) || formerResidences.contains(country) || fear.contains(country);
        }

        static List<Origins> all() {
            List<Set<CountryCode>> subsets = List.of(Set.of(), Set.of(AF), Set.of(KG), Set.of(AF, KG));
            List<Set<CountryCode>> singles = List.of(Set.of(), Set.of(AF), Set.of(KG));
            List<Origins> all = new ArrayList<>();
            for (Set<CountryCode> n : subsets) {
                for (Set<CountryCode> r : singles) {
                    for (Set<CountryCode> f : singles) {
                        all.add(new Origins(n, r, f));
                    }
                }
            }
            return all;
        }
    }

    enum ConsentState { NONE, COVERING, EXPIRED, NOT_YET_VALID, WITHDRAWN, OTHER_PURPOSE, OTHER_CATEGORY, OTHER_AGENCY }

    enum Age {
        ADULT(Optional.of("1990-05-01")), CHILD(Optional.of("2012-01-15")), YEAR_ONLY_COULD_BE_CHILD(Optional.of("2008")),
        UNKNOWN(Optional.empty());

        final Optional<BirthDate> birth;

        Age(Optional<String> text) {
            this.birth = text.map(BirthDate::parse);
        }

        boolean couldBeChild() {
            return this != ADULT;
        }
    }

    enum Selector { RECORD_REFERENCE, IDENTITY_WITHOUT_NATIONALITY, IDENTITY_NAMING_REQUESTER_COUNTRY }

    enum Resolution { ONE, NONE, TWO }

    /** Every category alone, and all six together. */
    static List<Set<Category>> categorySets() {
        List<Set<Category>> sets = new ArrayList<>();
        for (Category category : Category.values()) {
            sets.add(EnumSet.of(category));
        }
        sets.add(EnumSet.allOf(Category.class));
        return sets;
    }

    static PolicyConfig permissivePolicy() {
        EnumMap<Purpose, PurposePolicy> purposes = new EnumMap<>(Purpose.class);
        for (Purpose purpose : Purpose.values()) {
            purposes.put(purpose, new PurposePolicy(purpose, true, EnumSet.allOf(Category.class), Period.ofDays(30),
                    Map.of(Category.IDENTITY, List.of("documents"))));
        }
        return new PolicyConfig("small-world", ZoneOffset.UTC, Duration.ofMinutes(2), purposes,
                new JustificationPolicy(40, 4, Duration.ofDays(30), List.of("for official purposes")), List.of());
    }

    static List<Agreement> agreements() {
        EnumMap<Purpose, Set<Category>> everything = new EnumMap<>(Purpose.class);
        for (Purpose purpose : Purpose.values()) {
            everything.put(purpose, EnumSet.allOf(Category.class));
        }
        List<Agreement> agreements = new ArrayList<>();
        for (Asker asker : Asker.values()) {
            if (!asker.party.equals(HOLDER)) {
                agreements.add(new Agreement("KZ-" + asker.name(), HOLDER, asker.party, LocalDate.of(2026, 1, 1),
                        Optional.empty(), everything));
            }
        }
        return agreements;
    }

    static InformationRequest request(Asker asker, Purpose purpose, Set<Category> categories, Selector selector) {
        SubjectSelector subject = switch (selector) {
            case RECORD_REFERENCE -> new SubjectSelector.RecordReference("KZ-2026-000123");
            case IDENTITY_WITHOUT_NATIONALITY -> new SubjectSelector.IdentityQuery("Rahimi", "Ahmad", "1994-03-02",
                    Optional.empty(), Optional.empty());
            case IDENTITY_NAMING_REQUESTER_COUNTRY -> new SubjectSelector.IdentityQuery("Rahimi", "Ahmad", "1994-03-02",
                    Optional.of(asker.country().orElse(AF)), Optional.empty());
        };
        String caseRef = asker.agency + "-2026-0001";
        return new InformationRequest(asker.requester(), purpose, LegalBasis.AGREEMENT, caseRef,
                "The person says he registered in Almaty this spring; our case " + caseRef
                        + " needs the holder's answer before we decide.", categories, Urgency.ROUTINE, subject);
    }

    static IncomingRequest incoming(Asker asker, InformationRequest request) {
        return new IncomingRequest(request, Set.of(asker.agency, asker.sibling), HOLDER, agreements(),
                JustificationHistory.none("subject-1"));
    }

    static SubjectRecord record(String reference, Asker asker, Origins origins, boolean hold, ConsentState state,
                                Age age, Purpose purpose) {
        return new SubjectRecord(reference, origins.nationalities(), origins.formerResidences(), origins.fear(),
                age.birth, EnumSet.of(SpecificNeed.TORTURE_SURVIVOR), hold, consents(asker, state, purpose));
    }

    private static List<Consent> consents(Asker asker, ConsentState state, Purpose purpose) {
        ConsentRecipient named = asker.party instanceof Party.Country c ? new ConsentRecipient.OfCountry(c.code())
                : new ConsentRecipient.OfOrganization(((Party.Organization) asker.party).code());
        Set<Purpose> purposes = EnumSet.of(purpose);
        Set<Category> all = EnumSet.allOf(Category.class);
        LocalDate from = LocalDate.of(2026, 2, 1);
        Optional<LocalDate> until = Optional.of(LocalDate.of(2027, 2, 1));
        Optional<Withdrawal> none = Optional.empty();
        Consent consent = switch (state) {
            case NONE -> null;
            case COVERING -> new Consent("c", List.of(named), purposes, all, from, until, ConsentGiver.SUBJECT, none);
            case EXPIRED -> new Consent("c", List.of(named), purposes, all, LocalDate.of(2025, 1, 1),
                    Optional.of(LocalDate.of(2026, 1, 1)), ConsentGiver.SUBJECT, none);
            case NOT_YET_VALID -> new Consent("c", List.of(named), purposes, all, LocalDate.of(2026, 12, 1), until,
                    ConsentGiver.SUBJECT, none);
            case WITHDRAWN -> new Consent("c", List.of(named), purposes, all, from, until, ConsentGiver.SUBJECT,
                    Optional.of(new Withdrawal(Instant.parse("2026-11-01T00:00:00Z"), "withdrawn")));
            case OTHER_PURPOSE -> new Consent("c", List.of(named),
                    EnumSet.complementOf(EnumSet.of(purpose)), all, from, until, ConsentGiver.SUBJECT, none);
            case OTHER_CATEGORY -> new Consent("c", List.of(named), purposes, EnumSet.of(Category.IDENTITY), from, until,
                    ConsentGiver.GUARDIAN, none);
            case OTHER_AGENCY -> new Consent("c", List.of(new ConsentRecipient.OfAgency(asker.sibling)), purposes, all,
                    from, until, ConsentGiver.SUBJECT, none);
        };
        return consent == null ? List.of() : List.of(consent);
    }

    private SmallWorld() {
    }
}
