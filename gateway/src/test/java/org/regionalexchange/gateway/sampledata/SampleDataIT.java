package org.regionalexchange.gateway.sampledata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.records.IdentityMatcher;
import org.regionalexchange.gateway.records.IdentityQuery;
import org.regionalexchange.gateway.records.SubjectRecords;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.TestRegion;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The shipped sample data (deploy/local/sample-data) in a fresh region whose nodes start with it, as
 * {@code region up} does. Each test: the nodes start; result: the records are there, once.
 */
class SampleDataIT {

    private static TestRegion region;

    @BeforeAll
    static void startWithSampleData() {
        region = TestRegion.create();
        for (String node : List.of("kz", "kg", "tj")) {
            region.start(node, "--gateway.sample-data.location=" + TestRegion.sampleData(node));
        }
    }

    @AfterAll
    static void stop() {
        region.close();
    }

    private static long count(String node, String sql) {
        return region.start(node).getBean(JdbcClient.class).sql(sql).query(Long.class).single();
    }

    @Test
    @DisplayName("13 records and 10 consents over three nodes, attributed to system with reason 'sample data'")
    void loaded() {
        Map<String, long[]> expected = Map.of("kz", new long[] {6, 5}, "kg", new long[] {4, 3}, "tj", new long[] {3, 2});
        expected.forEach((node, counts) -> {
            assertEquals(counts[0], count(node, "SELECT count(*) FROM subject_record"), node + " records");
            assertEquals(counts[1], count(node, "SELECT count(*) FROM consent"), node + " consents");
            assertEquals(counts[0] + counts[1], count(node, "SELECT count(*) FROM audit_revision"
                    + " WHERE actor = 'system' AND reason = 'sample data'"), node + " revisions");
        });
        assertEquals(1, count("kz", "SELECT count(*) FROM subject_record WHERE holder_agency = 'KZ-BORDER'"));
    }

    @Test
    @DisplayName("a KZ-MIGRATION registrar reads the Afghan sample record; identity matching finds it from Cyrillic")
    void usable() {
        SubjectRecords records = region.start("kz").getBean(SubjectRecords.class);
        UUID id = records.findByHolderRef("KZ-MIGRATION", "KZ-2026-000123").orElseThrow();
        var read = Http.get(region.uri("kz", "/api/v1/records/" + id), region.token("KZ-MIGRATION", "registrar"));
        assertEquals(200, read.statusCode(), read.body());
        assertEquals("Kunduz", Problems.json(read.body()).path("identity").path("placeOfBirth").asString());
        IdentityMatcher matcher = region.start("kz").getBean(IdentityMatcher.class);
        assertEquals(List.of(id), matcher.candidates("KZ-MIGRATION", new IdentityQuery("Рахими", "Ахмад", "1994", null, null)));
        UUID yokubov = records.findByHolderRef("KZ-MIGRATION", "KZ-2026-000131").orElseThrow();
        assertEquals(List.of(yokubov), matcher.candidates("KZ-MIGRATION",
                new IdentityQuery("Iokubov", "Ilhom", "1988-07-15", "TJ", null)));
        assertEquals(List.of(), matcher.candidates("KZ-BORDER", new IdentityQuery("Rahimi", "Ahmad", "1994", null, null)),
                "matching stays within the holding agency");
    }

    @Test
    @DisplayName("a restart loads nothing twice")
    void idempotent() {
        region.stop("tj");
        region.start("tj", "--gateway.sample-data.location=" + TestRegion.sampleData("tj"));
        assertEquals(3, count("tj", "SELECT count(*) FROM subject_record"));
        assertEquals(2, count("tj", "SELECT count(*) FROM consent"));
    }
}
