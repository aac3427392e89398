package org.regionalexchange.gateway.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.regionalexchange.gateway.testing.Problems.assertProblem;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.RegionData;
import org.regionalexchange.gateway.testing.TestRegion;

/**
 * The DPO's time filters hold only instants the access log can hold. Each test: the DPO searches
 * or exports with a year far outside that range; result: 400 invalid_parameter naming the filter,
 * never a 500 or an empty answer that pretends the search ran.
 */
class EventFilterRangeIT {

    private static TestRegion region;
    private static String dpo;

    @BeforeAll
    static void region() {
        region = TestRegion.shared();
        dpo = region.token("KZ-MIGRATION", "dpo");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"+99999-01-01T00:00:00Z", "-5000-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
            "-999999999-01-01T00:00:00Z", "+1000000000-12-31T23:59:59Z", "1969-12-31T23:59:59Z", "+10000-01-01T00:00:00Z"})
    @DisplayName("a search or an export from or to an instant outside 1970 to 9999; result: 400 invalid_parameter naming it")
    void outOfRangeInstantsAreRefused(String instant) {
        String value = URLEncoder.encode(instant, StandardCharsets.UTF_8);
        for (String path : List.of("/api/v1/audit/events", "/api/v1/audit/events.csv")) {
            var from = Http.get(region.uri("kz", path + "?from=" + value), dpo);
            assertEquals(List.of("from"), Problems.fields(assertProblem(from, 400, "invalid_parameter")), from.body());
            var to = Http.get(region.uri("kz", path + "?to=" + value), dpo);
            assertEquals(List.of("to"), Problems.fields(assertProblem(to, 400, "invalid_parameter")), to.body());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1970-01-01T00:00:00Z", "2026-03-01T00:00:00Z", "9999-12-31T23:59:59Z"})
    @DisplayName("a search from or to the edges of that range; result: 200")
    void edgesAreAccepted(String instant) {
        String value = URLEncoder.encode(instant, StandardCharsets.UTF_8);
        RegionData.getJson(region, "kz", "/api/v1/audit/events?from=" + value, dpo);
        RegionData.getJson(region, "kz", "/api/v1/audit/events?to=" + value, dpo);
    }
}
