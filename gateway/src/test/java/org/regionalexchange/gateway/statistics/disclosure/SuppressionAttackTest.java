package org.regionalexchange.gateway.statistics.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.statistics.disclosure.ReleasedTable.Rest;
import org.regionalexchange.gateway.testing.LinearAttacker;

/**
 * Attacks on what {@link DisclosureControl} publishes; each must fail. The linear attacker uses every
 * published figure of a release (the total, every published cell of every table, the fact that each
 * table adds up to the total, and that a suppressed total lies between 1 and k - 1) and solves for
 * each suppressed cell's smallest and largest possible value. The algorithm-aware attacker also
 * knows the suppression rule itself and enumerates every table that the rule could have turned into
 * what was published. The screenings' indicator tables and the referrals' tables are attacked with
 * what an attacker knows beyond the figures: the policy's relations between indicators, and the
 * cross-tabulation of which the referrals' tables are margins. (Attacks across periods, nodes and
 * the regional sum run against real nodes in {@code StatisticsIT}, every population included.)
 */
class SuppressionAttackTest {

    @Test
    @DisplayName("the linear attacker, with totals, margins and every table of a release, cannot tell any suppressed"
            + " cell from 'nobody' or from 'k - 1 persons' (600 random releases)")
    void linearAttackerLearnsNothing() {
        SplittableRandom random = new SplittableRandom(4_01_004_2L);
        int attacked = 0;
        for (int run = 0; run < 600; run++) {
            int k = 5 + random.nextInt(3);
            CountedPopulation truth = RandomPopulations.next(random, k);
            ReleasedPopulation released = new DisclosureControl(new Threshold(k), random).release(truth);
            LinearAttacker attacker = new LinearAttacker();
            List<String> unknowns = new ArrayList<>();
            String total = "total";
            if (released.total().isEmpty()) {
                attacker.bound(total, 1, k - 1);
            }
            for (int t = 0; t < truth.tables().size(); t++) {
                CountedTable universe = truth.tables().get(t);
                ReleasedTable table = released.tables().get(t);
                if (table.rest() == Rest.ZERO) {
                    continue;
                }
                List<String> hidden = new ArrayList<>();
                long published = 0;
                for (String cell : universe.cells()) {
                    Long value = table.published().get(cell);
                    if (value == null) {
                        hidden.add(cell);
                    } else {
                        published += value;
                    }
                }
                unknowns.addAll(hidden);
                if (released.total().isPresent()) {
                    attacker.equation(hidden, released.total().getAsLong() - published);
                } else {
                    Map<String, Double> terms = new LinkedHashMap<>();
                    hidden.forEach(h -> terms.put(h, 1.0));
                    terms.put(total, -1.0);
                    attacker.equation(terms, -published);
                }
            }
            // Sample the unknowns of a release: every suppressed small cell, and a few of the rest.
            for (String cell : unknowns) {
                boolean small = truth.tables().stream().anyMatch(t -> t.cells().contains(cell)
                        && t.count(cell).value() > 0 && t.count(cell).value() < k);
                if (!small && random.nextInt(8) != 0) {
                    continue;
                }
                LinearAttacker.Range range = attacker.range(cell);
                assertTrue(range.min() <= 1e-6 && range.max() >= k - 1 - 1e-6,
                        () -> "cell " + cell + " narrowed to " + range + " in " + released);
                attacked++;
            }
        }
        assertTrue(attacked > 1_000, "attacked " + attacked + " suppressed cells");
    }

    @Test
    @DisplayName("the attacker who knows the rule and enumerates every table it could have released never pins a"
            + " suppressed cell to one value (every table of 3 to 5 cells up to 15-20 persons, k = 5 and 6, every tie order)")
    void ruleAwareAttackerNeverPinsACell() {
        // (cells, k, largest total): every table of that many cells and up to that total, every tie order.
        int[][] worlds = {{3, 5, 18}, {4, 5, 18}, {5, 5, 15}, {4, 6, 20}};
        for (int[] world : worlds) {
            Threshold k = new Threshold(world[1]);
            Rule rule = (population, random) -> new DisclosureControl(k, random).release(population);
            Attack attack = enumerate(rule, world[0], world[2]);
            assertTrue(attack.suppressedCells() > 100, "suppressed cells examined: " + attack.suppressedCells());
            assertEquals(List.of(), attack.pinned(), "suppressed cells the rule-aware attacker pins down, world "
                    + java.util.Arrays.toString(world));
        }
    }

    @Test
    @DisplayName("the same enumeration pins cells when the rule is weakened to primary suppression alone (the attack can"
            + " succeed), and the linear attacker does too")
    void attacksCatchAWeakRule() {
        Rule primaryOnly = (population, random) -> {
            CountedTable counted = population.tables().get(0);
            Map<String, Long> published = new LinkedHashMap<>();
            boolean small = false;
            for (String cell : counted.cells()) {
                long value = counted.count(cell).value();
                if (value >= 5) {
                    published.put(cell, value);
                }
                small |= value > 0 && value < 5;
            }
            return new ReleasedPopulation(java.util.OptionalLong.of(population.total().value()),
                    List.of(new ReleasedTable("t", small ? published : Map.of(), small ? Rest.SUPPRESSED : Rest.ZERO)));
        };
        assertFalse(enumerate(primaryOnly, 3, 18).pinned().isEmpty());
        LinearAttacker attacker = new LinearAttacker();
        attacker.equation(List.of("c2"), 18 - 10 - 6); // total 18 published, c0 = 10 and c1 = 6 published
        assertTrue(attacker.range("c2").exact());
    }

    @Test
    @DisplayName("the linear attacker itself: exact intervals on small systems it can check by hand")
    void linearAttackerIsRight() {
        LinearAttacker attacker = new LinearAttacker();
        attacker.equation(List.of("a", "b", "c", "d", "e"), 8); // the system Commons Math's simplex got wrong
        assertEquals(new LinearAttacker.Range(0, 8), attacker.range("d"));
        attacker.equation(List.of("x", "y"), 7);
        attacker.equation(List.of("y", "z"), 3);
        attacker.bound("z", 3, 10);
        // z >= 3 and y + z = 3 give y = 0 and z = 3, hence x = 7: differencing through a margin and a bound.
        assertEquals(new LinearAttacker.Range(7, 7), attacker.range("x"));
        assertTrue(attacker.range("x").exact());
        assertEquals(new LinearAttacker.Range(0, 8), attacker.range("a"), "a separate component is unaffected");
    }

    // --- the screenings' and referrals' tables ---------------------------------------------------

    /** The screenings' tables (docs/statistics.md): one per indicator, in the policy's order. */
    private static final List<String> INDICATORS = List.of("potential-asylum-seeker", "potential-trafficking-victim",
            "child", "unaccompanied-or-separated-child", "victim-of-violence-or-torture", "woman-at-risk", "elderly",
            "disability", "serious-medical-condition");
    /** How often each is raised; an unaccompanied child is drawn among the children. */
    private static final double[] RAISED = {0.7, 0.05, 0.15, 0.4, 0.05, 0.04, 0.03, 0.02, 0.03};
    private static final List<String> YES_NO = List.of("YES", "NO");
    /** The referrals' tables: type, priority, outcome, with how often each value is drawn. */
    private static final List<List<String>> REFERRAL_CELLS = List.of(
            List.of("ASYLUM_PROCEDURE", "CHILD_PROTECTION", "ANTI_TRAFFICKING", "SPECIFIC_NEEDS_CARE", "UNHCR", "UNKNOWN"),
            List.of("NORMAL", "HIGH", "URGENT", "UNKNOWN"),
            List.of("SENT", "RECEIVED", "ACCEPTED", "DECLINED", "COMPLETED_SUCCESSFUL", "COMPLETED_NOT_SUCCESSFUL",
                    "REVOKED", "UNKNOWN"));
    private static final List<String> REFERRAL_TABLES = List.of("by-type", "by-priority", "by-outcome");
    private static final int[][] REFERRAL_WEIGHTS = {{50, 12, 4, 10, 24, 0}, {60, 28, 12, 0},
            {8, 10, 20, 8, 40, 6, 8, 0}};

    @Test
    @DisplayName("the screenings' nine indicator tables: the linear attacker, with every table and the relation the"
            + " policy puts between them (an unaccompanied child is a child), cannot tell a suppressed small or empty cell"
            + " from 'nobody' or from 'k - 1' (400 random months)")
    void screeningTablesGiveNothingBack() {
        SplittableRandom random = new SplittableRandom(11_14_2026L);
        int attacked = 0;
        int small = 0;
        for (int run = 0; run < 400; run++) {
            int k = 5 + random.nextInt(2);
            int units = random.nextInt(3) == 0 ? random.nextInt(3 * k) : random.nextInt(160);
            long[][] truth = new long[INDICATORS.size()][2];
            for (int u = 0; u < units; u++) {
                boolean child = random.nextDouble() < RAISED[2];
                for (int i = 0; i < INDICATORS.size(); i++) {
                    boolean raised = i == 2 ? child : i == 3 ? child && random.nextDouble() < RAISED[3]
                            : random.nextDouble() < RAISED[i];
                    truth[i][raised ? 0 : 1]++;
                }
            }
            List<List<String>> cells = new ArrayList<>();
            INDICATORS.forEach(t -> cells.add(YES_NO));
            Release release = release(INDICATORS, cells, truth, null, units, units, k, random);
            LinearAttacker attacker = release.attacker();
            // What the attacker knows of the policy: every unaccompanied child is a child (child YES - unaccompanied
            // YES = a slack that is not negative).
            attacker.equation(Map.of("child/YES", 1.0, "unaccompanied-or-separated-child/YES", -1.0,
                    "slack/child", -1.0), 0);
            for (var cell : release.suppressed().entrySet()) {
                boolean isSmall = cell.getValue() < k;
                if (!isSmall && random.nextInt(4) != 0) {
                    continue;
                }
                LinearAttacker.Range range = attacker.range(cell.getKey());
                if (isSmall) {
                    int kk = k;
                    assertTrue(range.min() <= 1e-6 && range.max() >= k - 1 - 1e-6, () -> "cell " + cell.getKey()
                            + " (truth " + cell.getValue() + ") narrowed to " + range + " k=" + kk + " truth "
                            + java.util.Arrays.deepToString(truth) + " released " + release.figures());
                    small += cell.getValue() > 0 ? 1 : 0;
                } else {
                    assertFalse(range.exact(), () -> "cell " + cell.getKey() + " given back: " + range);
                }
                attacked++;
            }
        }
        assertTrue(attacked > 1_000 && small > 100, "attacked " + attacked + " suppressed cells, " + small + " small");
    }

    @Test
    @DisplayName("a cell shared by every table gives a small cell back: unreadable interviews counted UNKNOWN in each"
            + " indicator table are published in eight and held back in the ninth with its 3 (so they are not counted)")
    void aSharedCellGivesASmallCellBack() {
        // The month the attack above found when unreadable interviews were an UNKNOWN of every table: 5 of 139.
        long[][] truth = {{93, 41, 5}, {9, 125, 5}, {26, 108, 5}, {6, 128, 5}, {10, 124, 5}, {0, 134, 5}, {6, 128, 5},
            {5, 129, 5}, {3, 131, 5}};
        List<List<String>> cells = new ArrayList<>();
        INDICATORS.forEach(t -> cells.add(List.of("YES", "NO", "UNKNOWN")));
        Release release = release(INDICATORS, cells, truth, null, 139, 139, 5, new SplittableRandom(1));
        for (String table : INDICATORS.subList(1, INDICATORS.size())) {
            release.attacker().equation(Map.of(table + "/UNKNOWN", 1.0, INDICATORS.get(0) + "/UNKNOWN", -1.0), 0);
        }
        assertEquals(new LinearAttacker.Range(3, 3), release.attacker().range("serious-medical-condition/YES"));
    }

    @Test
    @DisplayName("the referrals' type, priority and outcome tables are margins of one cross-tabulation: the linear"
            + " attacker who solves for its 192 cells from every published margin cannot tell a suppressed small or"
            + " empty cell from 'nobody' or from 'k - 1' (25 random months, referrals about fewer persons included)")
    void referralMarginsGiveNothingBack() {
        SplittableRandom random = new SplittableRandom(10_02_2026L);
        int attacked = 0;
        for (int run = 0; run < 25; run++) {
            int k = 5;
            int units = random.nextInt(3) == 0 ? random.nextInt(3 * k) : random.nextInt(90);
            // Referrals about persons: some persons are referred twice.
            int persons = Math.max(1, units - random.nextInt(Math.max(1, units / 4 + 1)));
            int[][] drawn = new int[units][3];
            int[] personOf = new int[units];
            for (int u = 0; u < units; u++) {
                personOf[u] = u < persons ? u : random.nextInt(persons);
                for (int t = 0; t < 3; t++) {
                    drawn[u][t] = weighted(random, REFERRAL_WEIGHTS[t]);
                }
            }
            long[][] truth = new long[3][];
            long[][] personsOf = new long[3][];
            for (int t = 0; t < 3; t++) {
                truth[t] = new long[REFERRAL_CELLS.get(t).size()];
                personsOf[t] = new long[REFERRAL_CELLS.get(t).size()];
                for (int c = 0; c < truth[t].length; c++) {
                    java.util.Set<Integer> who = new java.util.HashSet<>();
                    for (int u = 0; u < units; u++) {
                        if (drawn[u][t] == c) {
                            truth[t][c]++;
                            who.add(personOf[u]);
                        }
                    }
                    personsOf[t][c] = who.size();
                }
            }
            long distinct = java.util.Arrays.stream(personOf).limit(units).distinct().count();
            Release release = release(REFERRAL_TABLES, REFERRAL_CELLS, truth, personsOf, units, distinct, k, random);
            LinearAttacker attacker = release.attacker();
            // The cross-tabulation: each margin cell is the sum of the joint cells that carry its value.
            Map<String, Map<String, Double>> margins = new LinkedHashMap<>();
            for (int a = 0; a < REFERRAL_CELLS.get(0).size(); a++) {
                for (int b = 0; b < REFERRAL_CELLS.get(1).size(); b++) {
                    for (int c = 0; c < REFERRAL_CELLS.get(2).size(); c++) {
                        String joint = "joint/" + a + "/" + b + "/" + c;
                        int[] at = {a, b, c};
                        for (int t = 0; t < 3; t++) {
                            margins.computeIfAbsent(REFERRAL_TABLES.get(t) + "/" + REFERRAL_CELLS.get(t).get(at[t]),
                                    m -> new LinkedHashMap<>(Map.of(m, 1.0))).put(joint, -1.0);
                        }
                    }
                }
            }
            margins.values().forEach(terms -> attacker.equation(terms, 0));
            for (var cell : release.suppressed().entrySet()) {
                if (cell.getValue() >= k) {
                    continue;
                }
                LinearAttacker.Range range = attacker.range(cell.getKey());
                assertTrue(range.min() <= 1e-6 && range.max() >= k - 1 - 1e-6, () -> "cell " + cell.getKey()
                        + " (truth " + cell.getValue() + ") narrowed to " + range);
                attacked++;
            }
        }
        assertTrue(attacked > 30, "attacked " + attacked + " suppressed cells");
    }

    /** A month released: the attacker's equations of it, and the true value of every suppressed cell. */
    private record Release(LinearAttacker attacker, Map<String, Long> suppressed, ReleasedPopulation figures) {
    }

    /**
     * Releases one month of {@code tables} (each cell's units in {@code truth}, its persons in {@code persons}
     * or the same; {@code distinct} persons in all), and gives the attacker every published figure: each
     * cell a variable named {@code table/cell}, known where published or empty, and each table adding up to
     * the total (a variable between 1 and k - 1 when the total is suppressed).
     */
    private static Release release(List<String> tables, List<List<String>> cells, long[][] truth, long[][] persons,
            long units, long distinct, int k, RandomGenerator random) {
        List<CountedTable> counted = new ArrayList<>();
        for (int t = 0; t < tables.size(); t++) {
            Map<String, Count> counts = new LinkedHashMap<>();
            for (int c = 0; c < cells.get(t).size(); c++) {
                if (truth[t][c] > 0) {
                    counts.put(cells.get(t).get(c), persons == null ? Count.ofPersons(truth[t][c])
                            : new Count(truth[t][c], persons[t][c]));
                }
            }
            counted.add(new CountedTable(tables.get(t), cells.get(t), counts));
        }
        ReleasedPopulation released = new DisclosureControl(new Threshold(k), random).release(
                new CountedPopulation(new Count(units, distinct), counted));
        LinearAttacker attacker = new LinearAttacker();
        Map<String, Long> suppressed = new LinkedHashMap<>();
        if (released.total().isEmpty()) {
            attacker.bound("total", 1, k - 1);
        }
        for (int t = 0; t < tables.size(); t++) {
            ReleasedTable table = released.tables().get(t);
            Map<String, Double> sum = new LinkedHashMap<>();
            for (int c = 0; c < cells.get(t).size(); c++) {
                String variable = tables.get(t) + "/" + cells.get(t).get(c);
                sum.put(variable, 1.0);
                Long value = table.published().get(cells.get(t).get(c));
                if (value != null) {
                    attacker.equation(List.of(variable), value);
                } else if (table.rest() == Rest.ZERO) {
                    attacker.equation(List.of(variable), 0);
                } else {
                    suppressed.put(variable, truth[t][c]);
                }
            }
            if (released.total().isPresent()) {
                attacker.equation(sum, released.total().getAsLong());
            } else {
                sum.put("total", -1.0);
                attacker.equation(sum, 0);
            }
        }
        return new Release(attacker, suppressed, released);
    }

    private static int weighted(SplittableRandom random, int[] weights) {
        int sum = java.util.Arrays.stream(weights).sum();
        int draw = random.nextInt(sum);
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        throw new IllegalStateException();
    }

    /** What the rule-aware attacker found: suppressed cells examined, and those it knows exactly. */
    private record Attack(int suppressedCells, List<String> pinned) {
    }

    /** One release rule: counts in, published figures out, ties broken by {@code random}. */
    private interface Rule {
        ReleasedPopulation apply(CountedPopulation population, RandomGenerator random);
    }

    private static Attack enumerate(Rule rule, int size, int largestTotal) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < size; c++) {
            cells.add("c" + c);
        }
        // Every release the rule can make, with every table that can make it. A release whose total is
        // published names its total, so every table behind it is enumerated when that total is in range;
        // a suppressed total lies below k, which every world's range covers.
        Map<String, List<long[]>> tablesByRelease = new HashMap<>();
        for (int total = 0; total <= largestTotal; total++) {
            for (long[] values : compositions(total, size)) {
                for (String release : releases(rule, cells, values)) {
                    tablesByRelease.computeIfAbsent(release, r -> new ArrayList<>()).add(values);
                }
            }
        }
        int suppressedCells = 0;
        List<String> pinned = new ArrayList<>();
        for (var entry : tablesByRelease.entrySet()) {
            String release = entry.getKey();
            if (!release.endsWith("rest=SUPPRESSED")) {
                continue;
            }
            for (int c = 0; c < size; c++) {
                if (release.contains(";c" + c + "=")) {
                    continue;
                }
                Set<Long> possible = new TreeSet<>();
                for (long[] values : entry.getValue()) {
                    possible.add(values[c]);
                }
                suppressedCells++;
                if (possible.size() < 2) {
                    pinned.add(release + ": c" + c + " = " + possible);
                }
            }
        }
        return new Attack(suppressedCells, pinned);
    }

    /** Every release {@code rule} can make of {@code values}: one per order of equally small candidates. */
    private static Set<String> releases(Rule rule, List<String> cells, long[] values) {
        Map<String, Count> counts = new LinkedHashMap<>();
        for (int c = 0; c < cells.size(); c++) {
            if (values[c] > 0) {
                counts.put(cells.get(c), Count.ofPersons(values[c]));
            }
        }
        CountedPopulation population = new CountedPopulation(Count.ofPersons(sum(values)),
                List.of(new CountedTable("t", cells, counts)));
        Set<String> releases = new TreeSet<>();
        for (int[] choices : shuffleChoices(cells.size())) {
            ReleasedPopulation released = rule.apply(population, new Scripted(choices));
            StringBuilder text = new StringBuilder("total=" + (released.total().isPresent()
                    ? released.total().getAsLong() : -1));
            ReleasedTable table = released.tables().get(0);
            for (String cell : cells) {
                if (table.published().containsKey(cell)) {
                    text.append(';').append(cell).append('=').append(table.published().get(cell));
                }
            }
            releases.add(text.append(";rest=").append(table.rest()).toString());
        }
        return releases;
    }

    /** Every sequence of Fisher-Yates choices for up to {@code n} candidates (bounds n, n-1, ..., 2). */
    private static List<int[]> shuffleChoices(int n) {
        List<int[]> sequences = new ArrayList<>();
        sequences.add(new int[0]);
        for (int bound = n; bound >= 2; bound--) {
            List<int[]> longer = new ArrayList<>();
            for (int[] sequence : sequences) {
                for (int choice = 0; choice < bound; choice++) {
                    int[] next = java.util.Arrays.copyOf(sequence, sequence.length + 1);
                    next[sequence.length] = choice;
                    longer.add(next);
                }
            }
            sequences = longer;
        }
        return sequences;
    }

    private static List<long[]> compositions(int total, int parts) {
        List<long[]> all = new ArrayList<>();
        compose(new long[parts], 0, total, all);
        return all;
    }

    private static void compose(long[] values, int index, long left, List<long[]> all) {
        if (index == values.length - 1) {
            values[index] = left;
            all.add(values.clone());
            return;
        }
        for (long v = 0; v <= left; v++) {
            values[index] = v;
            compose(values, index + 1, left - v, all);
        }
    }

    private static long sum(long[] values) {
        long sum = 0;
        for (long v : values) {
            sum += v;
        }
        return sum;
    }

    /**
     * Plays back one sequence of shuffle choices. The rule shuffles its m publishable candidates
     * with bounds m, m-1, ..., 2; a sequence made for n >= m cells is read from its end, so that
     * enumerating every sequence for n enumerates every order of any m candidates.
     */
    private static final class Scripted implements RandomGenerator {

        private final int[] choices;
        private int next = -1;

        Scripted(int[] choices) {
            this.choices = choices;
        }

        @Override
        public int nextInt(int bound) {
            if (next < 0) {
                // First call: bound = m, the number of candidates; start where the sequence's bounds match.
                next = choices.length - (bound - 1);
            }
            return choices[next++] % bound;
        }

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("the rule only draws bounded ints");
        }
    }
}
