package org.regionalexchange.gateway.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.statistics.PopulationCounts;
import org.regionalexchange.gateway.statistics.StatisticalTable;
import org.regionalexchange.gateway.testing.ScreeningData;
import org.regionalexchange.policy.config.QuestionnaireFileLoader;
import org.regionalexchange.policy.referral.Indicator;
import org.regionalexchange.policy.referral.ReferralEngine;

/**
 * The screenings' tables built from interviews, without a database: the policy module computes each
 * interview's indicators, and every table of the population is a partition of the
 * interviews (the disclosure control relies on it).
 */
class ScreeningStatisticsTest {

    private static final Instant AT = Instant.parse("2026-11-30T08:15:00Z");
    private final ScreeningStatistics statistics = new ScreeningStatistics(null,
            ReferralEngine.of(QuestionnaireFileLoader.annex1(), ZoneId.of("Asia/Almaty")));

    @Test
    @DisplayName("the population has one YES/NO table per indicator, named after it, and no priority table (a function"
            + " of the indicators)")
    void tables() {
        List<String> names = new ArrayList<>();
        ScreeningStatistics.RECORDED.tables().forEach(t -> names.add(t.name()));
        assertEquals(Indicator.values().length, names.size());
        assertEquals("potential-asylum-seeker", names.get(0));
        assertEquals("unaccompanied-or-separated-child", names.get(3));
        assertEquals("serious-medical-condition", names.get(names.size() - 1));
        for (StatisticalTable table : ScreeningStatistics.RECORDED.tables()) {
            assertEquals(List.of("YES", "NO"), table.cells(), table.name());
        }
        assertEquals("screenings", ScreeningStatistics.RECORDED.unit());
    }

    @Test
    @DisplayName("an interview's indicators are the policy's: an adult asylum seeker, a child alone (a child,"
            + " unaccompanied, asylum seeker); an interview that cannot be read is not classified")
    void classification() {
        var adult = statistics.classify(ScreeningData.adultAsylumSeeker("Karimi"), AT);
        assertEquals(java.util.Set.of(Indicator.POTENTIAL_ASYLUM_SEEKER), adult.indicators().raised());
        var child = statistics.classify(childAlone(), AT);
        assertEquals(java.util.Set.of(Indicator.POTENTIAL_ASYLUM_SEEKER, Indicator.CHILD,
                Indicator.UNACCOMPANIED_OR_SEPARATED_CHILD), child.indicators().raised());
        assertNull(statistics.classify(ScreeningData.interview("\"nationalities\": [\"XX\"]", "", ""), AT),
                "a country code no longer known");
        assertNull(statistics.classify("{\"person\": 1}", AT), "not an interview");
    }

    @Test
    @DisplayName("a month of six interviews: total 6, every table adds up to 6, each cell's units are its persons")
    void monthIsAPartitionInEveryTable() {
        ScreeningStatistics.Tallies month = new ScreeningStatistics.Tallies();
        for (int i = 0; i < 4; i++) {
            month.add(statistics.classify(ScreeningData.adultAsylumSeeker("Adult" + i), AT));
        }
        month.add(statistics.classify(childAlone(), AT));
        month.add(statistics.classify(childAlone(), AT));
        PopulationCounts counts = month.counts();
        assertEquals(new PopulationCounts.Tally(6, 6), counts.total());
        assertEquals(Map.of("YES", 6L), units(counts, "potential-asylum-seeker"));
        assertEquals(Map.of("YES", 2L, "NO", 4L), units(counts, "unaccompanied-or-separated-child"));
        assertEquals(Map.of("NO", 6L), units(counts, "elderly"));
        for (StatisticalTable table : ScreeningStatistics.RECORDED.tables()) {
            long sum = 0;
            for (var tally : counts.cells(table.name()).values()) {
                assertEquals(tally.units(), tally.persons(), table.name());
                sum += tally.units();
            }
            assertEquals(6, sum, table.name());
        }
    }

    private static String childAlone() {
        return ScreeningData.interview("\"givenNames\": \"Ali\", \"dateOfBirth\": \"2011-03-01\", \"nationalities\": [\"AF\"],"
                + " \"accompaniment\": \"ALONE\"", "\"journeyStart\": \"AF\", \"reasonsForLeaving\": [\"ARMED_CONFLICT\"]", "");
    }

    private static Map<String, Long> units(PopulationCounts counts, String table) {
        Map<String, Long> units = new TreeMap<>();
        counts.cells(table).forEach((cell, tally) -> units.put(cell, tally.units()));
        return units;
    }
}
