package org.regionalexchange.gateway.statistics.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.regionalexchange.gateway.statistics.disclosure.ReleasedTable.Rest;

/**
 * Small-cell suppression with secondary suppression, for one month of one population (001 §4.1,
 * 004 point 2: data on mixed movements "in full respect for confidentiality guidelines").
 *
 * <p>The rule, for threshold {@code k} (docs/statistics.md):
 * <ol>
 * <li>The total is published unless it is below {@code k} (or concerns fewer than {@code k}
 *     persons); then nothing of the month's population is published, not even an empty cell.</li>
 * <li>In each table, a cell below {@code k} (or about fewer than {@code k} persons) is suppressed
 *     (primary suppression), and with it every empty cell of that table, so that a suppressed cell
 *     never tells that anyone is there.</li>
 * <li>Then the smallest publishable cells are suppressed too (secondary suppression; ties broken at
 *     random), one at a time, until the suppressed cells are at least two and hold at least
 *     {@code k} together, and - if no publishable cell is among them yet - until they are not so
 *     few that knowing each is below {@code k} would pin them: {@code held <= (cells - 1)(k - 1)}.
 *     </li>
 * </ol>
 *
 * <p>Why no combination of published figures gives a suppressed cell back: a table is a partition
 * of the population (checked by {@link CountedPopulation}), so the only equation that involves its
 * suppressed cells is "they add up to the published total minus the published cells", i.e. to some
 * {@code R >= k}, over at least two cells. No other published figure involves them: the other
 * tables of the month partition the same total into other cells, another month is another set of
 * persons, and the figures of a month are released once and never recomputed, so every period
 * asked for is a union of the same months. Knowing only that counts are not negative, an attacker
 * can place anything from {@code 0} to {@code R} in any suppressed cell: the range always holds
 * both "nobody" and {@code k - 1}. An attacker who also knows this rule (that suppressed cells are
 * small unless added as the smallest publishable ones) could pin cells that sit at {@code k - 1}
 * each with nothing else around them; the last condition of step 3 removes those cases.
 * {@code SuppressionAttackTest} attacks both ways: by linear programming over every published
 * figure, and by enumerating every table this rule could have turned into what was published.
 */
public final class DisclosureControl {

    private final Threshold threshold;
    private final RandomGenerator random;

    /**
     * @param random breaks ties between equally small publishable cells; a secure generator in
     *               production, so that nobody can predict which of two equal cells is held back
     */
    public DisclosureControl(Threshold threshold, RandomGenerator random) {
        this.threshold = threshold;
        this.random = random;
    }

    public Threshold threshold() {
        return threshold;
    }

    public ReleasedPopulation release(CountedPopulation population) {
        Count total = population.total();
        List<ReleasedTable> tables = new ArrayList<>();
        if (total.value() == 0) {
            population.tables().forEach(t -> tables.add(new ReleasedTable(t.name(), Map.of(), Rest.ZERO)));
            return new ReleasedPopulation(OptionalLong.of(0), tables);
        }
        if (threshold.tooSmall(total)) {
            population.tables().forEach(t -> tables.add(new ReleasedTable(t.name(), Map.of(), Rest.SUPPRESSED)));
            return new ReleasedPopulation(OptionalLong.empty(), tables);
        }
        population.tables().forEach(t -> tables.add(protect(t)));
        return new ReleasedPopulation(OptionalLong.of(total.value()), tables);
    }

    private ReleasedTable protect(CountedTable table) {
        boolean anySmall = table.cells().stream().anyMatch(cell -> threshold.tooSmall(table.count(cell)));
        Map<String, Long> published = new LinkedHashMap<>();
        if (!anySmall) {
            for (String cell : table.cells()) {
                long value = table.count(cell).value();
                if (value > 0) {
                    published.put(cell, value);
                }
            }
            return new ReleasedTable(table.name(), published, Rest.ZERO);
        }
        Set<String> suppressed = new HashSet<>();
        long held = 0;
        List<String> publishable = new ArrayList<>();
        for (String cell : table.cells()) {
            Count count = table.count(cell);
            if (count.value() == 0 || threshold.tooSmall(count)) {
                suppressed.add(cell);
                held += count.value();
            } else {
                publishable.add(cell);
            }
        }
        shuffle(publishable);
        publishable.sort(Comparator.comparingLong(cell -> table.count(cell).value()));
        var next = publishable.iterator();
        boolean secondary = false;
        while (!protectedBy(suppressed.size(), held, secondary) && next.hasNext()) {
            String cell = next.next();
            suppressed.add(cell);
            held += table.count(cell).value();
            secondary = true;
        }
        if (suppressed.size() < 2 || held < threshold.k()) {
            // Cannot happen for a partition whose total is at least k: every cell suppressed holds the total.
            throw new IllegalStateException("Table '" + table.name() + "' cannot be protected");
        }
        for (String cell : table.cells()) {
            if (!suppressed.contains(cell)) {
                published.put(cell, table.count(cell).value());
            }
        }
        return new ReleasedTable(table.name(), published, Rest.SUPPRESSED);
    }

    /**
     * True when the suppressed cells of a table protect each other: at least two, holding at least k
     * together, and - unless a publishable cell is among them - loose enough that, even knowing
     * every one of them is below k, one cannot be pinned ({@code held <= (cells - 1)(k - 1)} leaves
     * each of them anywhere from 0 to k - 1).
     */
    private boolean protectedBy(int cells, long held, boolean secondary) {
        int k = threshold.k();
        return cells >= 2 && held >= k && (secondary || held <= (long) (cells - 1) * (k - 1));
    }

    /** Fisher-Yates, so that equally small cells come in an unpredictable order before the stable sort. */
    private void shuffle(List<String> cells) {
        for (int i = cells.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String swap = cells.get(i);
            cells.set(i, cells.get(j));
            cells.set(j, swap);
        }
    }
}
