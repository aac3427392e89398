package org.regionalexchange.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.policy.model.AgencyId;
import org.regionalexchange.policy.model.Category;
import org.regionalexchange.policy.model.InformationRequest;
import org.regionalexchange.policy.model.JustificationHistory;
import org.regionalexchange.policy.model.JustificationSimilarity;
import org.regionalexchange.policy.model.LegalBasis;
import org.regionalexchange.policy.model.NodeId;
import org.regionalexchange.policy.model.NormalizedJustification;
import org.regionalexchange.policy.model.Party;
import org.regionalexchange.policy.model.Purpose;
import org.regionalexchange.policy.model.RecentJustification;
import org.regionalexchange.policy.model.Requester;
import org.regionalexchange.policy.model.RequesterRole;
import org.regionalexchange.policy.model.SubjectSelector;
import org.regionalexchange.policy.model.Urgency;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The false-positive rates of the normalized-reuse refusal and of the near-copy alert, measured on
 * genuine, distinct justifications ({@code justifications/genuine.yaml}), and crafted copies that must
 * be caught ({@code justifications/near-copies.yaml}). docs/policy.md reports the figures this prints.
 *
 * <p>The worst case is measured: one agency wrote every genuine justification, each for another person,
 * all within the reuse window, so each one meets every other one in its history.
 */
class JustificationReuseMeasurementTest {

    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    private static final AgencyId AGENCY = AgencyId.of("KG-SMS");
    private static final Requester OFFICER = new Requester(NodeId.of("kg"), Party.country("KG"), AGENCY,
            RequesterRole.OFFICER);
    /** The alert's false positives documented in docs/policy.md stay below this share of genuine pairs. */
    private static final double ALERT_FALSE_POSITIVES_AT_MOST = 0.01;

    private static PolicyEngine engine;
    private static List<JsonNode> genuine;
    private static List<JsonNode> copies;

    @BeforeAll
    static void load() {
        engine = PolicyEngine.of(TestPolicies.regionDefault());
        YAMLMapper yaml = YAMLMapper.builder().build();
        genuine = list(yaml.readTree(TestPolicies.resource("justifications/genuine.yaml")));
        copies = list(yaml.readTree(TestPolicies.resource("justifications/near-copies.yaml")));
    }

    @Test
    @DisplayName("the genuine set: at least 100 distinct justifications, each acceptable on its own")
    void genuineSetIsRealistic() {
        assertTrue(genuine.size() >= 100, "size " + genuine.size());
        assertEquals(genuine.size(), genuine.stream().map(g -> text(g)).distinct().count(), "distinct texts");
        for (JsonNode g : genuine) {
            Optional<Decision> refusal = engine.checkBeforeSending(request(g, "record:" + caseRef(g)),
                    JustificationHistory.none("record:" + caseRef(g)), NOW);
            assertEquals(Optional.empty(), refusal.map(d -> d.requesterView().reasons()), caseRef(g));
        }
    }

    @Test
    @DisplayName("each genuine justification after every other one, used by the same agency for other persons; result: none refused as reused (rate 0)")
    void refusalHasNoFalsePositives() {
        List<RecentJustification> everyUse = genuine.stream()
                .map(g -> RecentJustification.of(AGENCY, text(g), "record:" + caseRef(g), NOW.minusSeconds(3600)))
                .toList();
        List<String> refused = new ArrayList<>();
        for (JsonNode g : genuine) {
            String subject = "record:" + caseRef(g);
            List<RecentJustification> others = everyUse.stream().filter(u -> !u.subjectKey().equals(subject)).toList();
            engine.checkBeforeSending(request(g, subject), new JustificationHistory(subject, others), NOW)
                    .ifPresent(d -> refused.add(caseRef(g) + " " + d.requesterView().reasons()));
        }
        Set<String> normalized = genuine.stream().map(g -> NormalizedJustification.normalize(text(g)))
                .collect(Collectors.toSet());
        System.out.printf("normalized-reuse refusal: %d of %d genuine justifications refused; %d distinct normalized"
                + " texts%n", refused.size(), genuine.size(), normalized.size());
        assertEquals(List.of(), refused);
        assertEquals(genuine.size(), normalized.size());
    }

    @Test
    @DisplayName("every pair of genuine justifications compared; result: the near-copy alert's false positives stay under 1 % of pairs")
    void alertFalsePositivesAreRare() {
        List<Set<String>> shingles = genuine.stream().map(g -> JustificationSimilarity.shingles(text(g))).toList();
        int pairs = 0;
        int nearCopies = 0;
        double highest = 0;
        Set<Integer> flagged = new HashSet<>();
        for (int i = 0; i < shingles.size(); i++) {
            for (int j = i + 1; j < shingles.size(); j++) {
                double similarity = JustificationSimilarity.jaccard(shingles.get(i), shingles.get(j));
                pairs++;
                highest = Math.max(highest, similarity);
                if (similarity >= JustificationSimilarity.NEAR_COPY) {
                    nearCopies++;
                    flagged.add(i);
                    flagged.add(j);
                }
            }
        }
        System.out.printf("near-copy alert (threshold %.2f): %d of %d genuine pairs, %d of %d justifications flagged;"
                + " highest genuine similarity %.3f%n", JustificationSimilarity.NEAR_COPY, nearCopies, pairs,
                flagged.size(), genuine.size(), highest);
        assertTrue((double) nearCopies / pairs <= ALERT_FALSE_POSITIVES_AT_MOST, nearCopies + " of " + pairs);
    }

    @Test
    @DisplayName("crafted copies of genuine justifications for other persons; result: numeric variants refused as reused, edited copies near-copies, a rewrite of every fourth word missed")
    void craftedCopiesAreCaught() {
        Map<String, JsonNode> byCaseRef = genuine.stream()
                .collect(Collectors.toMap(JustificationReuseMeasurementTest::caseRef, Function.identity()));
        assertTrue(copies.size() >= 10, "copies: " + copies.size());
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (JsonNode copy : copies) {
            JsonNode original = byCaseRef.get(copy.get("of").asString());
            String subject = "record:" + caseRef(copy);
            JustificationHistory history = new JustificationHistory(subject, List.of(RecentJustification.of(AGENCY,
                    text(original), "record:" + caseRef(original), NOW.minusSeconds(86_400))));
            List<ReasonCode> reasons = engine.checkBeforeSending(request(copy, subject), history, NOW)
                    .map(d -> d.requesterView().reasons().stream().map(Reason::code).toList()).orElse(List.of());
            double similarity = JustificationSimilarity.of(text(original), text(copy));
            String what = caseRef(copy) + " (similarity " + similarity + ")";
            String expected = copy.get("expect").asString();
            counts.merge(expected, 1, Integer::sum);
            switch (expected) {
                case "REFUSED" -> {
                    assertEquals(List.of(ReasonCode.JUSTIFICATION_REUSED), reasons, what);
                    assertEquals(1.0, similarity, what);
                }
                case "ALERT" -> {
                    assertEquals(List.of(), reasons, what);
                    assertTrue(similarity >= JustificationSimilarity.NEAR_COPY && similarity < 1.0, what);
                }
                case "MISSED" -> {
                    assertEquals(List.of(), reasons, what);
                    assertTrue(similarity < JustificationSimilarity.NEAR_COPY, what);
                }
                default -> throw new AssertionError("unknown expectation " + expected + " of " + what);
            }
        }
        System.out.println("crafted copies: " + counts);
        assertTrue(counts.getOrDefault("MISSED", 0) * 10 <= copies.size(), "at most one in ten crafted copies missed");
    }

    private static InformationRequest request(JsonNode entry, String subject) {
        return InformationRequest.of(OFFICER, Purpose.RSD_CASE_PROCESSING, LegalBasis.AGREEMENT, caseRef(entry),
                text(entry), List.of(Category.IDENTITY, Category.CASE_STATUS), Urgency.ROUTINE,
                new SubjectSelector.RecordReference(subject.substring("record:".length())));
    }

    private static String caseRef(JsonNode entry) {
        return entry.get("caseRef").asString();
    }

    private static String text(JsonNode entry) {
        return entry.get("text").asString();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
