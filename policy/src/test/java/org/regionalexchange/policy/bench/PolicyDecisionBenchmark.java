package org.regionalexchange.policy.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.regionalexchange.policy.Decision;
import org.regionalexchange.policy.Outcome;
import org.regionalexchange.policy.PolicyEngine;
import org.regionalexchange.policy.config.PolicyFileLoader;
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
import org.regionalexchange.policy.model.RecentJustification;
import org.regionalexchange.policy.model.Requester;
import org.regionalexchange.policy.model.RequesterRole;
import org.regionalexchange.policy.model.SpecificNeed;
import org.regionalexchange.policy.model.SubjectRecord;
import org.regionalexchange.policy.model.SubjectSelector;
import org.regionalexchange.policy.model.Urgency;
import org.regionalexchange.policy.model.Withdrawal;

/**
 * docs/performance.md P2: one full policy decision (all steps 2-10) for a request of all six categories about a
 * realistic record with five consents, against the region's default policy file; the agency has ten recent
 * justifications, so reuse detection fingerprints the text. {@link #baseline} is a trivial operation on the
 * same state, measured in the same run, for the ratio. Run by {@code bench/policy-decision}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PolicyDecisionBenchmark {
    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    private PolicyEngine engine;
    private IncomingRequest incoming;
    private List<SubjectRecord> candidates;

    @Setup
    public void setUp() {
        Path file = Path.of("deploy", "policy", "region-policy.yaml");
        if (!Files.exists(file)) {
            file = Path.of("..", "deploy", "policy", "region-policy.yaml");
        }
        engine = PolicyEngine.of(PolicyFileLoader.load(file));
        Requester kg = new Requester(NodeId.of("kg"), Party.country("KG"), AgencyId.of("KG-SMS"), RequesterRole.OFFICER);
        InformationRequest request = new InformationRequest(kg, Purpose.PROTECTION_REFERRAL, LegalBasis.AGREEMENT,
                "KG-SMS-2026-0456", "The man reports torture in detention and needs specialised medical care; referral"
                + " case KG-SMS-2026-0456 must match him with a rehabilitation centre in Bishkek that knows his needs.",
                EnumSet.allOf(Category.class), Urgency.ROUTINE, new SubjectSelector.RecordReference("KZ-2026-000123"));
        List<RecentJustification> recent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            recent.add(RecentJustification.of(AgencyId.of("KG-SMS"), "Earlier request " + i
                    + " about another case KG-SMS-2026-04" + i, "record:KZ-2026-0001" + i, NOW.minusSeconds(3600L * i)));
        }
        EnumMap<Purpose, Set<Category>> coverage = new EnumMap<>(Purpose.class);
        for (Purpose purpose : Purpose.values()) {
            coverage.put(purpose, EnumSet.allOf(Category.class));
        }
        List<Agreement> agreements = List.of(
                new Agreement("KZ-TJ-2026", Party.country("KZ"), Party.country("TJ"), LocalDate.of(2026, 1, 1),
                        Optional.empty(), coverage),
                new Agreement("KZ-KG-2026", Party.country("KZ"), Party.country("KG"), LocalDate.of(2026, 1, 1),
                        Optional.of(LocalDate.of(2028, 1, 1)), coverage));
        incoming = new IncomingRequest(request, Set.of(AgencyId.of("KG-SMS"), AgencyId.of("KG-BORDER")),
                Party.country("KZ"), agreements, new JustificationHistory("record:KZ-2026-000123", recent));
        LocalDate from = LocalDate.of(2026, 2, 1);
        Optional<LocalDate> until = Optional.of(LocalDate.of(2027, 2, 1));
        List<Consent> consents = List.of(
                new Consent("C-1", List.of(ConsentRecipient.organization("UNHCR")), Set.of(Purpose.PROTECTION_REFERRAL),
                        EnumSet.of(Category.CLAIM, Category.FAMILY), from, until, ConsentGiver.SUBJECT, Optional.empty()),
                new Consent("C-2", List.of(ConsentRecipient.agency("KG-BORDER")), Set.of(Purpose.RSD_CASE_PROCESSING),
                        EnumSet.of(Category.CLAIM), from, until, ConsentGiver.SUBJECT, Optional.empty()),
                new Consent("C-3", List.of(ConsentRecipient.country("KG")), Set.of(Purpose.PROTECTION_REFERRAL),
                        EnumSet.of(Category.CONTACT), from, until, ConsentGiver.SUBJECT,
                        Optional.of(new Withdrawal(Instant.parse("2026-06-01T10:00:00Z"), "changed mind"))),
                new Consent("C-4", List.of(ConsentRecipient.country("TJ"), ConsentRecipient.organization("UNHCR")),
                        Set.of(Purpose.FAMILY_TRACING), EnumSet.of(Category.FAMILY, Category.CONTACT), from, until,
                        ConsentGiver.SUBJECT, Optional.empty()),
                new Consent("C-5", List.of(ConsentRecipient.country("KG"), ConsentRecipient.agency("KG-SMS")),
                        Set.of(Purpose.PROTECTION_REFERRAL, Purpose.RSD_CASE_PROCESSING),
                        EnumSet.of(Category.CLAIM, Category.FAMILY, Category.SPECIFIC_NEEDS), from, Optional.empty(),
                        ConsentGiver.SUBJECT, Optional.empty()));
        candidates = List.of(new SubjectRecord("KZ-2026-000123", Set.of(CountryCode.of("AF")), Set.of(CountryCode.of("IR")),
                Set.of(CountryCode.of("AF")), Optional.of(BirthDate.parse("1994-03-02")),
                EnumSet.of(SpecificNeed.TORTURE_SURVIVOR, SpecificNeed.SERIOUS_MEDICAL_CONDITION), false, consents));
        Decision check = decide();
        if (check.outcome() != Outcome.PENDING_REVIEW || check.categories(org.regionalexchange.policy.VerdictStatus.AWAITING_REVIEW).size() != 5) {
            throw new IllegalStateException("The benchmark must run every step; got " + check);
        }
    }

    @Benchmark
    public Decision decide() {
        return engine.decide(incoming, candidates, NOW);
    }

    @Benchmark
    public int baseline() {
        return incoming.request().categories().size() + candidates.get(0).consents().size();
    }
}
