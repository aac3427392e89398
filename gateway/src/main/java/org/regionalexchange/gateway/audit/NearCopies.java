package org.regionalexchange.gateway.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.regionalexchange.policy.model.JustificationSimilarity;
import org.regionalexchange.policy.model.NormalizedJustification;

/**
 * The {@code JUSTIFICATION_NEAR_COPY} alert: one agency, on one side of the exchange, used
 * justifications that are near-copies of each other (policy {@link JustificationSimilarity}: at least
 * {@link JustificationSimilarity#NEAR_COPY} alike) for at least a given number of distinct subjects.
 * Near-copies are grouped transitively: if A is a near-copy of B and B of C, A, B and C are one group.
 * Justifications equal once normalized are one text here (the reuse rule refuses them; their
 * refusals are logged and counted).
 *
 * <p>Every pair at least the threshold alike is found, without comparing every pair: a set-similarity
 * join with prefix filtering (Bayardo, Ma, Srikant, "Scaling up all pairs similarity search", 2007).
 * Shingles are ordered from the rarest to the most common; two sets with a Jaccard index of at least
 * t share at least one shingle among the first |A| − ⌈t·|A|⌉ + 1 of each, so only pairs that do are
 * compared, and pairs already in one group are not compared again. Stock phrases every justification
 * shares come last in that order and cost nothing.
 */
final class NearCopies {

    /** One justification text used by one agency on one side, with the subjects it was used for. */
    record Use(String side, String agency, String actions, String justification, String fingerprint,
            List<String> subjects, Instant first, Instant last) {
    }

    /** A group of near-copies used for several subjects. */
    record Group(String agency, String actions, List<String> fingerprints, int subjects, Instant first, Instant last) {
    }

    private NearCopies() {
    }

    /** The groups of at least two different texts used for at least {@code minSubjects} subjects. */
    static List<Group> find(List<Use> uses, int minSubjects) {
        Map<String, List<Use>> bySideAndAgency = new LinkedHashMap<>();
        for (Use use : uses) {
            bySideAndAgency.computeIfAbsent(use.side() + "\n" + use.agency(), k -> new ArrayList<>()).add(use);
        }
        List<Group> groups = new ArrayList<>();
        for (List<Use> sameAgency : bySideAndAgency.values()) {
            groups.addAll(groupsOf(sameAgency, minSubjects));
        }
        groups.sort(Comparator.comparingInt(Group::subjects).reversed().thenComparing(Group::first));
        return groups;
    }

    private static List<Group> groupsOf(List<Use> uses, int minSubjects) {
        // One document per normalized text.
        Map<String, List<Use>> byText = new LinkedHashMap<>();
        Map<String, Set<String>> shinglesByText = new HashMap<>();
        for (Use use : uses) {
            List<String> words = NormalizedJustification.words(use.justification());
            String text = String.join(" ", words);
            byText.computeIfAbsent(text, k -> new ArrayList<>()).add(use);
            shinglesByText.computeIfAbsent(text, k -> JustificationSimilarity.shingles(words));
        }
        List<String> texts = new ArrayList<>(byText.keySet());
        int[] root = join(texts.stream().map(shinglesByText::get).toList(), JustificationSimilarity.NEAR_COPY);
        Map<Integer, List<Use>> components = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            components.computeIfAbsent(find(root, i), k -> new ArrayList<>()).addAll(byText.get(texts.get(i)));
        }
        List<Group> groups = new ArrayList<>();
        for (List<Use> component : components.values()) {
            component.sort(Comparator.comparing(Use::first));
            Set<String> fingerprints = new LinkedHashSet<>();
            Set<String> subjects = new TreeSet<>();
            Set<String> actions = new TreeSet<>();
            for (Use use : component) {
                fingerprints.add(use.fingerprint());
                subjects.addAll(use.subjects());
                actions.addAll(Arrays.asList(use.actions().split(",")));
            }
            if (fingerprints.size() >= 2 && subjects.size() >= minSubjects) {
                Instant last = component.stream().map(Use::last).max(Comparator.naturalOrder()).orElseThrow();
                groups.add(new Group(component.get(0).agency(), String.join(",", actions), List.copyOf(fingerprints),
                        subjects.size(), component.get(0).first(), last));
            }
        }
        return groups;
    }

    /**
     * Joins the sets at least {@code threshold} alike (Jaccard) into groups; returns each set's parent
     * in a union-find forest (see {@link #find}).
     */
    static int[] join(List<Set<String>> sets, double threshold) {
        int n = sets.size();
        int[] parent = new int[n];
        Arrays.setAll(parent, i -> i);
        // Global order: rarest shingle first.
        Map<String, Integer> frequency = new HashMap<>();
        sets.forEach(set -> set.forEach(s -> frequency.merge(s, 1, Integer::sum)));
        List<String> ordered = new ArrayList<>(frequency.keySet());
        ordered.sort(Comparator.<String>comparingInt(frequency::get).thenComparing(Comparator.naturalOrder()));
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            rank.put(ordered.get(i), i);
        }
        int[][] tokens = new int[n][];
        for (int i = 0; i < n; i++) {
            tokens[i] = sets.get(i).stream().mapToInt(rank::get).sorted().toArray();
        }
        Integer[] bySize = new Integer[n];
        Arrays.setAll(bySize, i -> i);
        Arrays.sort(bySize, Comparator.comparingInt(i -> tokens[i].length));
        Map<Integer, List<Integer>> index = new HashMap<>();
        int[] seenBy = new int[n];
        Arrays.fill(seenBy, -1);
        for (int a : bySize) {
            int[] set = tokens[a];
            int prefix = Math.max(1, Math.min(set.length, set.length - (int) Math.ceil(threshold * set.length - 1e-9) + 1));
            for (int k = 0; k < prefix && k < set.length; k++) {
                for (int b : index.getOrDefault(set[k], List.of())) {
                    if (seenBy[b] == a || find(parent, a) == find(parent, b)) {
                        continue;
                    }
                    seenBy[b] = a;
                    if (tokens[b].length >= threshold * set.length - 1e-9 && jaccard(set, tokens[b]) >= threshold) {
                        parent[find(parent, a)] = find(parent, b);
                    }
                }
            }
            for (int k = 0; k < prefix && k < set.length; k++) {
                index.computeIfAbsent(set[k], key -> new ArrayList<>()).add(a);
            }
        }
        return parent;
    }

    static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Jaccard index of two sorted, duplicate-free arrays. */
    private static double jaccard(int[] a, int[] b) {
        if (a.length == 0 && b.length == 0) {
            return 1.0;
        }
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / (a.length + b.length - common);
    }
}
