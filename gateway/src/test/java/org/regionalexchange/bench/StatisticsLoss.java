package org.regionalexchange.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.regionalexchange.gateway.statistics.disclosure.Count;
import org.regionalexchange.gateway.statistics.disclosure.CountedPopulation;
import org.regionalexchange.gateway.statistics.disclosure.CountedTable;
import org.regionalexchange.gateway.statistics.disclosure.DisclosureControl;
import org.regionalexchange.gateway.statistics.disclosure.ReleasedPopulation;
import org.regionalexchange.gateway.statistics.disclosure.ReleasedTable;
import org.regionalexchange.gateway.statistics.disclosure.Threshold;

/**
 * What disclosure control holds back, by the size of a node: months of N persons registered, drawn
 * from the distributions of {@code bench/statistics-seed.sql} (a long tail of nationalities, statuses,
 * sexes, ages), put through the rule of {@link DisclosureControl} over the node's three tables.
 * For each N: the share of months whose total is suppressed, and per table the share of persons in
 * suppressed cells (held back) and of non-empty cells published.
 *
 * <pre>StatisticsLoss [MONTHS] [K]</pre> (default 2000 months per size, k = 5).
 */
public final class StatisticsLoss {

    private static final List<String> STATUSES = List.of("ASYLUM_SEEKER", "REFUGEE", "REJECTED", "STATELESS",
            "OTHER_PROTECTION", "CLOSED", "UNKNOWN");
    private static final List<String> BANDS = List.of("0-4", "5-11", "12-17", "18-59", "60+", "UNKNOWN");

    private StatisticsLoss() {
    }

    public static void main(String[] args) {
        int months = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int k = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        DisclosureControl control = new DisclosureControl(new Threshold(k), new SplittableRandom(1));
        SplittableRandom random = new SplittableRandom(20261205L);
        List<String> nationalities = new ArrayList<>(List.of(Locale.getISOCountries()));
        nationalities.sort(null);
        nationalities.add("NONE");
        nationalities.add("UNKNOWN");
        List<String> sexAge = new ArrayList<>();
        for (String sex : List.of("F", "M", "X", "UNKNOWN")) {
            BANDS.forEach(band -> sexAge.add(sex + "|" + band));
        }
        System.out.printf("%d months per size, k = %d; per table: persons held back %% / non-empty cells published %%%n",
                months, k);
        System.out.printf("%9s %14s %22s %22s %22s%n", "persons", "months held", "by-status", "by-nationality",
                "by-sex-and-age");
        for (int size : new int[] {10, 20, 50, 100, 200, 500, 1_000, 5_000, 28_000}) {
            long monthsHeld = 0;
            long[] held = new long[3];
            long[] persons = new long[3];
            long[] cells = new long[3];
            long[] published = new long[3];
            for (int m = 0; m < months; m++) {
                Map<String, Long> status = new LinkedHashMap<>();
                Map<String, Long> nationality = new LinkedHashMap<>();
                Map<String, Long> sexAndAge = new LinkedHashMap<>();
                for (int p = 0; p < size; p++) {
                    status.merge(status(random), 1L, Long::sum);
                    nationality.merge(nationality(random), 1L, Long::sum);
                    sexAndAge.merge(sex(random) + "|" + band(random), 1L, Long::sum);
                }
                List<CountedTable> tables = List.of(table("by-status", STATUSES, status),
                        table("by-nationality", nationalities, nationality), table("by-sex-and-age", sexAge, sexAndAge));
                ReleasedPopulation released = control.release(new CountedPopulation(Count.ofPersons(size), tables));
                if (released.total().isEmpty()) {
                    monthsHeld++;
                }
                for (int t = 0; t < 3; t++) {
                    ReleasedTable table = released.tables().get(t);
                    long shown = table.published().values().stream().mapToLong(Long::longValue).sum();
                    held[t] += size - shown;
                    persons[t] += size;
                    cells[t] += tables.get(t).counts().size();
                    published[t] += table.published().size();
                }
            }
            System.out.printf("%9d %13.1f%% %10.1f%% / %5.1f%% %10.1f%% / %5.1f%% %10.1f%% / %5.1f%%%n", size,
                    100.0 * monthsHeld / months, pct(held[0], persons[0]), pct(published[0], cells[0]),
                    pct(held[1], persons[1]), pct(published[1], cells[1]), pct(held[2], persons[2]),
                    pct(published[2], cells[2]));
        }
    }

    private static double pct(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    private static CountedTable table(String name, List<String> cells, Map<String, Long> values) {
        Map<String, Count> counts = new LinkedHashMap<>();
        values.forEach((cell, value) -> counts.put(cell, Count.ofPersons(value)));
        return new CountedTable(name, cells, counts);
    }

    /** As the seed: 40% asylum seekers, 20% refugees, 10% each rejected, stateless, other protection, closed. */
    private static String status(SplittableRandom random) {
        int r = random.nextInt(10);
        return List.of("ASYLUM_SEEKER", "ASYLUM_SEEKER", "ASYLUM_SEEKER", "REFUGEE", "REFUGEE", "REJECTED", "STATELESS",
                "OTHER_PROTECTION", "CLOSED", "ASYLUM_SEEKER").get(r);
    }

    private static final String[] MID = {"ER", "SO", "YE", "SD", "MM", "LK", "BD", "NP", "IN", "TR", "AZ", "AM", "GE",
        "UA", "BY", "MD", "KP", "VN", "LA", "KH", "TH", "MN", "KW", "SA"};
    private static final String[] RARE = {"JO", "LB", "EG", "LY", "TN", "DZ", "MA", "ET", "NG", "CD", "CM", "VE", "CU",
        "HT", "CO", "AL", "BA", "RS", "MW", "MK", "PS", "KE", "UG", "RW", "BI", "SS", "CF", "TD", "ML", "NE", "BF", "GN",
        "SL", "LR", "CI", "GH", "TG", "BJ", "MR", "SN"};

    private static String nationality(SplittableRandom random) {
        int g = random.nextInt(10_000);
        if (g < 4000) {
            return "AF";
        }
        String[] large = {"IR", "PK", "SY", "UZ", "TJ", "IQ", "CN", "RU", "NONE"};
        int[] bounds = {5500, 6500, 7300, 7800, 8200, 8400, 8600, 8800, 9000};
        for (int i = 0; i < bounds.length; i++) {
            if (g < bounds[i]) {
                return large[i];
            }
        }
        return g < 9960 ? MID[(g - 9000) / 40] : RARE[g - 9960];
    }

    private static String sex(SplittableRandom random) {
        int r = random.nextInt(100);
        return r < 48 ? "F" : r < 97 ? "M" : r < 98 ? "X" : "UNKNOWN";
    }

    /** Ages spread evenly over 0-75 years, 3% without a birth date (as the seed). */
    private static String band(SplittableRandom random) {
        if (random.nextInt(100) < 3) {
            return "UNKNOWN";
        }
        int age = random.nextInt(75);
        return age < 5 ? "0-4" : age < 12 ? "5-11" : age < 18 ? "12-17" : age < 60 ? "18-59" : "60+";
    }
}
