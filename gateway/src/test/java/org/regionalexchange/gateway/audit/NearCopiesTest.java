package org.regionalexchange.gateway.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.policy.model.JustificationSimilarity;

/** The near-copy alert's grouping: exact (the same groups as comparing every pair) and its conditions. */
class NearCopiesTest {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    @Test
    @DisplayName("400 word sets, a quarter of them edited copies of others; result: the prefix-filtered join groups exactly as comparing every pair")
    void joinEqualsComparingEveryPair() {
        Random random = new Random(20261124);
        List<Set<String>> sets = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Set<String> set = new HashSet<>();
            if (i >= 20 && random.nextInt(4) == 0) {
                set.addAll(sets.get(random.nextInt(i)));
                List<String> words = new ArrayList<>(set);
                for (int edits = random.nextInt(12); edits > 0 && !words.isEmpty(); edits--) {
                    set.remove(words.get(random.nextInt(words.size())));
                    set.add("w" + random.nextInt(5000));
                }
            } else {
                int size = 5 + random.nextInt(40);
                while (set.size() < size) {
                    // Common words (stock phrases) and rare ones, as in justifications.
                    set.add("w" + (random.nextBoolean() ? random.nextInt(30) : random.nextInt(5000)));
                }
            }
            sets.add(set);
        }
        double threshold = JustificationSimilarity.NEAR_COPY;
        int[] joined = NearCopies.join(sets, threshold);
        int[] brute = new int[sets.size()];
        java.util.Arrays.setAll(brute, i -> i);
        int pairs = 0;
        for (int i = 0; i < sets.size(); i++) {
            for (int j = i + 1; j < sets.size(); j++) {
                if (JustificationSimilarity.jaccard(sets.get(i), sets.get(j)) >= threshold) {
                    brute[NearCopies.find(brute, i)] = NearCopies.find(brute, j);
                    pairs++;
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(pairs > 50, "the planted copies make pairs: " + pairs);
        for (int i = 0; i < sets.size(); i++) {
            for (int j = i + 1; j < sets.size(); j++) {
                assertEquals(NearCopies.find(brute, i) == NearCopies.find(brute, j),
                        NearCopies.find(joined, i) == NearCopies.find(joined, j), i + " and " + j);
            }
        }
    }

    @Test
    @DisplayName("near-copies for three subjects on each side; one text alone for three; near-copies for two; result: one group per side only")
    void groupsNeedTwoTextsAndEnoughSubjects() {
        String a = "Mrs Sadat Noori told our interviewer that her husband was registered by the Kazakh migration"
                + " service after crossing at Korday; case KG-SMS-2026-0102 needs his status to assess family unity.";
        String b = a.replace("Sadat Noori", "Zarifa Hamidi").replace("0102", "0177");
        String c = a.replace("Sadat Noori", "Lida Amini").replace("0102", "0179");
        String other = "Two adults and a baby were stopped near Ak-Zhol checkpoint holding a photocopy of a Kazakh"
                + " asylum-seeker certificate; KG-BORDER-2026-0202 requests verification of the father's certificate.";
        List<NearCopies.Use> uses = List.of(
                use(0, "requester", "KG-SMS", a, "fa", "r1"), use(1, "requester", "KG-SMS", b, "fb", "r2"),
                use(2, "requester", "KG-SMS", c, "fc", "r3"),
                use(3, "holder", "KG-SMS", a, "fa", "h1"), use(4, "holder", "KG-SMS", b, "fb", "h2", "h3"),
                use(5, "requester", "KG-BORDER", other, "fo", "o1", "o2", "o3"),
                use(6, "requester", "TJ-MIA", a, "fa", "t1"), use(7, "requester", "TJ-MIA", b, "fb", "t2"));
        List<NearCopies.Group> groups = NearCopies.find(uses, 3);
        assertEquals(2, groups.size(), groups.toString());
        for (NearCopies.Group group : groups) {
            assertEquals("KG-SMS", group.agency());
            assertEquals(3, group.subjects());
        }
        assertEquals(List.of("fa", "fb", "fc"), groups.get(0).fingerprints(), "requester side: three texts, first used first");
        assertEquals(List.of("fa", "fb"), groups.get(1).fingerprints(), "holder side: two texts for three subjects");
    }

    private static NearCopies.Use use(int at, String side, String agency, String text, String fingerprint,
            String... subjects) {
        return new NearCopies.Use(side, agency, side.equals("holder") ? "REQUEST_DECIDED" : "REQUEST_SENT", text,
                fingerprint, List.of(subjects), T0.plusSeconds(at), T0.plusSeconds(at));
    }
}
