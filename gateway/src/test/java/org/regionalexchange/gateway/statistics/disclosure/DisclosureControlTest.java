package org.regionalexchange.gateway.statistics.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.statistics.disclosure.ReleasedTable.Rest;

/** The suppression rule of {@link DisclosureControl}, one property per test. */
class DisclosureControlTest {

    private static final Threshold K5 = new Threshold(5);
    private static final List<String> STATUSES = List.of("ASYLUM_SEEKER", "REFUGEE", "REJECTED", "STATELESS",
            "OTHER_PROTECTION", "CLOSED", "UNKNOWN");

    @Test
    @DisplayName("a table without small cells is published whole; the cells not listed are empty")
    void noSmallCell() {
        ReleasedTable table = one(table(STATUSES, Map.of("ASYLUM_SEEKER", 40L, "REFUGEE", 12L)));
        assertEquals(Map.of("ASYLUM_SEEKER", 40L, "REFUGEE", 12L), table.published());
        assertEquals(Rest.ZERO, table.rest());
    }

    @Test
    @DisplayName("a small cell is suppressed with every empty cell, and with the smallest other cell when the suppressed"
            + " cells hold fewer than k")
    void secondarySuppression() {
        ReleasedTable table = one(table(STATUSES, Map.of("ASYLUM_SEEKER", 40L, "REFUGEE", 12L, "STATELESS", 2L,
                "CLOSED", 7L)));
        // STATELESS (2) alone would come back as 61 - 40 - 12 - 7: CLOSED (7), the smallest publishable, goes too.
        assertEquals(Map.of("ASYLUM_SEEKER", 40L, "REFUGEE", 12L), table.published());
        assertEquals(Rest.SUPPRESSED, table.rest());
    }

    @Test
    @DisplayName("two small cells that together hold at least k protect each other")
    void smallCellsTogether() {
        ReleasedTable table = one(table(STATUSES, Map.of("ASYLUM_SEEKER", 40L, "REFUGEE", 3L, "STATELESS", 4L)));
        assertEquals(Map.of("ASYLUM_SEEKER", 40L), table.published());
        assertEquals(Rest.SUPPRESSED, table.rest());
    }

    @Test
    @DisplayName("small cells packed so tightly that 'each is below k' would pin them take the smallest publishable cell"
            + " with them")
    void tightSmallCells() {
        // B, C, D can only be 4 each if all are below 5 and add up to 12: A goes too, and only the total is published.
        ReleasedTable table = one(table(List.of("A", "B", "C", "D"), Map.of("A", 20L, "B", 4L, "C", 4L, "D", 4L)));
        assertEquals(Map.of(), table.published());
        assertEquals(Rest.SUPPRESSED, table.rest());
        // With room to spare (4 + 4 + 0 over three cells), they protect each other.
        ReleasedTable loose = one(table(List.of("A", "B", "C", "D"), Map.of("A", 20L, "B", 4L, "C", 4L)));
        assertEquals(Map.of("A", 20L), loose.published());
    }

    @Test
    @DisplayName("a cell of k or more requests about fewer than k persons is suppressed")
    void fewPersons() {
        CountedTable requests = new CountedTable("by-purpose-and-outcome", List.of("A", "B", "C"),
                Map.of("A", new Count(30, 30), "B", new Count(9, 2)));
        ReleasedPopulation released = control(7).release(new CountedPopulation(new Count(39, 32), List.of(requests)));
        ReleasedTable table = released.tables().get(0);
        assertFalse(table.published().containsKey("B"), table.toString());
        assertEquals(Rest.SUPPRESSED, table.rest());
        assertEquals(OptionalLong.of(39), released.total());
    }

    @Test
    @DisplayName("a population below k publishes nothing, not even empty cells; an empty population publishes zeros")
    void smallOrEmptyPopulation() {
        ReleasedPopulation small = control(1).release(new CountedPopulation(Count.ofPersons(3),
                List.of(table(STATUSES, Map.of("REFUGEE", 3L)))));
        assertEquals(OptionalLong.empty(), small.total());
        assertEquals(new ReleasedTable("t", Map.of(), Rest.SUPPRESSED), small.tables().get(0));
        ReleasedPopulation empty = control(1).release(new CountedPopulation(Count.ZERO,
                List.of(table(STATUSES, Map.of()))));
        assertEquals(OptionalLong.of(0), empty.total());
        assertEquals(new ReleasedTable("t", Map.of(), Rest.ZERO), empty.tables().get(0));
    }

    @Test
    @DisplayName("equally small candidates are held back at random, not by a rule an attacker could invert")
    void tiesAtRandom() {
        Set<Set<String>> published = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            ReleasedTable table = new DisclosureControl(K5, new SplittableRandom(seed)).release(new CountedPopulation(
                    Count.ofPersons(23), List.of(table(List.of("A", "B", "C"), Map.of("A", 10L, "B", 10L, "C", 3L)))))
                    .tables().get(0);
            published.add(table.published().keySet());
        }
        assertEquals(Set.of(Set.of("A"), Set.of("B")), published);
    }

    @Test
    @DisplayName("the threshold can be raised but never set below 5")
    void thresholdOnlyUpward() {
        assertThrows(IllegalArgumentException.class, () -> new Threshold(4));
        assertThrows(IllegalArgumentException.class, () -> new Threshold(0));
        assertEquals(10, new Threshold(10).k());
    }

    @Test
    @DisplayName("a table that does not add up to the total is refused: the protection argument needs partitions")
    void partitionsOnly() {
        assertThrows(IllegalArgumentException.class, () -> new CountedPopulation(Count.ofPersons(10),
                List.of(table(STATUSES, Map.of("REFUGEE", 9L)))));
        assertThrows(IllegalArgumentException.class, () -> table(STATUSES, Map.of("NOT_A_STATUS", 1L)));
        assertThrows(IllegalArgumentException.class, () -> new Count(3, 4));
    }

    @Test
    @DisplayName("over 5,000 random populations: every published cell is exact and holds at least k units about at least"
            + " k persons; every table with a suppressed cell holds back at least two cells and at least k units")
    void invariants() {
        SplittableRandom random = new SplittableRandom(20261205L);
        for (int run = 0; run < 5_000; run++) {
            int k = 5 + random.nextInt(4);
            CountedPopulation population = RandomPopulations.next(random, k);
            ReleasedPopulation released = control(run, k).release(population);
            if (released.total().isEmpty()) {
                assertTrue(population.total().value() < k || population.total().persons() < k);
                released.tables().forEach(t -> assertEquals(Map.of(), t.published()));
                continue;
            }
            assertEquals(population.total().value(), released.total().getAsLong());
            for (int i = 0; i < population.tables().size(); i++) {
                CountedTable counted = population.tables().get(i);
                ReleasedTable table = released.tables().get(i);
                long held = counted.sum();
                int suppressed = counted.cells().size();
                for (var cell : table.published().entrySet()) {
                    Count truth = counted.count(cell.getKey());
                    assertEquals(truth.value(), cell.getValue().longValue());
                    if (table.rest() == Rest.SUPPRESSED) {
                        assertTrue(truth.value() >= k && truth.persons() >= k, table::toString);
                    }
                    held -= cell.getValue();
                    suppressed--;
                }
                if (table.rest() == Rest.SUPPRESSED) {
                    assertTrue(suppressed >= 2 && held >= k, () -> counted + " -> " + table);
                } else {
                    assertEquals(0, held);
                    counted.cells().stream().filter(c -> !table.published().containsKey(c))
                            .forEach(c -> assertEquals(0, counted.count(c).value()));
                    counted.counts().forEach((c, n) -> assertFalse(n.value() > 0 && (n.value() < k || n.persons() < k)));
                }
            }
        }
    }

    private static DisclosureControl control(long seed) {
        return control(seed, 5);
    }

    private static DisclosureControl control(long seed, int k) {
        return new DisclosureControl(new Threshold(k), new SplittableRandom(seed));
    }

    private static ReleasedTable one(CountedTable table) {
        return control(7).release(new CountedPopulation(Count.ofPersons(table.sum()), List.of(table))).tables().get(0);
    }

    static CountedTable table(List<String> cells, Map<String, Long> values) {
        Map<String, Count> counts = new LinkedHashMap<>();
        values.forEach((cell, value) -> counts.put(cell, Count.ofPersons(value)));
        return new CountedTable("t", cells, counts);
    }
}
