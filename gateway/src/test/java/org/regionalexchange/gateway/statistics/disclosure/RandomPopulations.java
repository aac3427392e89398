package org.regionalexchange.gateway.statistics.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random months of a population for the disclosure tests: one to three tables of 3 to 30 cells,
 * skewed so that small cells, empty cells and ties are common; counts of persons, or of requests
 * about fewer persons.
 */
final class RandomPopulations {

    private RandomPopulations() {
    }

    static CountedPopulation next(SplittableRandom random, int k) {
        boolean requests = random.nextInt(3) == 0;
        int units = random.nextInt(5) == 0 ? random.nextInt(k) : random.nextInt(200);
        int tableCount = 1 + random.nextInt(3);
        List<CountedTable> tables = new ArrayList<>();
        // One list of units, each with its person and its cell in every table: tables are partitions by construction.
        int persons = requests ? Math.max(1, units - random.nextInt(Math.max(1, units / 3 + 1))) : units;
        int[] personOf = new int[units];
        for (int u = 0; u < units; u++) {
            personOf[u] = requests ? (u < persons ? u : random.nextInt(Math.max(1, persons))) : u;
        }
        for (int t = 0; t < tableCount; t++) {
            int size = 3 + random.nextInt(28);
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < size; c++) {
                cells.add("t" + t + "c" + c);
            }
            long[] value = new long[size];
            List<java.util.Set<Integer>> who = new ArrayList<>();
            for (int c = 0; c < size; c++) {
                who.add(new java.util.HashSet<>());
            }
            for (int u = 0; u < units; u++) {
                // A few large cells and a long tail.
                int cell = random.nextInt(4) == 0 ? random.nextInt(size) : random.nextInt(Math.min(size, 3));
                value[cell]++;
                who.get(cell).add(personOf[u]);
            }
            Map<String, Count> counts = new LinkedHashMap<>();
            for (int c = 0; c < size; c++) {
                if (value[c] > 0) {
                    counts.put(cells.get(c), new Count(value[c], who.get(c).size()));
                }
            }
            tables.add(new CountedTable("table" + t, cells, counts));
        }
        long distinct = java.util.Arrays.stream(personOf).distinct().count();
        return new CountedPopulation(new Count(units, distinct), tables);
    }
}
