package org.regionalexchange.gateway.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.signing.EnvelopeSigner;
import org.regionalexchange.gateway.signing.EnvelopeVerifier;
import org.regionalexchange.gateway.signing.TrustedKeys;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.LinearAttacker;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.RegionData;
import org.regionalexchange.gateway.testing.ScreeningData;
import org.regionalexchange.gateway.testing.TestRegion;
import org.regionalexchange.gateway.validation.JsonSchemas;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Regional statistics over three real nodes (kz, kg, tj) with real HTTP and signatures: the node
 * client asks; result: each node's figures under disclosure control, the region's figures as the
 * sum of three signed envelopes, a stopped node named, a tampered envelope reported and left out,
 * and an attacker holding everything published for overlapping periods recovers no suppressed cell.
 * Node kg is reached through a {@link TamperingProxy}. Data: records registered at kz, kg and tj and
 * fourteen requests from kg to kz, screenings at kz and kg and kz's referrals of them, moved into
 * January-February 2025 as a DBA would; records for the age bands in June 2019.
 */
class StatisticsIT {

    private static final String M1 = "2025-01";
    private static final String M2 = "2025-02";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    private static TestRegion region;
    private static TamperingProxy proxy;
    private static final JsonSchemas SCHEMAS = new JsonSchemas();

    @BeforeAll
    static void region() throws Exception {
        region = TestRegion.create();
        // kg is registered at the proxy's address: every node reaches kg through it.
        proxy = new TamperingProxy(region.uri("kg", "/"));
        Path registry = region.runDir().resolve("registry.yaml");
        YAMLMapper yaml = YAMLMapper.builder().build();
        ObjectNode document = (ObjectNode) yaml.readTree(Files.readString(registry));
        for (JsonNode node : document.path("nodes")) {
            if (node.path("id").asString().equals("kg")) {
                ((ObjectNode) node).put("baseUrl", "http://127.0.0.1:" + proxy.port());
            }
        }
        Files.writeString(registry, yaml.writeValueAsString(document));
        // No background release while the data is moved into the past: the tests release what they ask for.
        List.of("kz", "kg", "tj").forEach(id -> region.start(id, "--gateway.statistics.release-check-delay=1d",
                "--gateway.statistics.release-check=1d"));

        // kz, January 2025: 28 persons; every table has small cells (ER 2, SO 1, one stateless child).
        List<String> kzJanuary = new ArrayList<>();
        kzJanuary.addAll(records("kz", "KZ-MIGRATION", 12, "F", "1990-02-03", "[\"AF\"]", "ASYLUM_SEEKER"));
        kzJanuary.addAll(records("kz", "KZ-MIGRATION", 7, "M", "1980-01-01", "[\"AF\"]", "ASYLUM_SEEKER"));
        kzJanuary.addAll(records("kz", "KZ-MIGRATION", 6, "M", "1985", "[\"IR\"]", "REFUGEE"));
        kzJanuary.addAll(records("kz", "KZ-MIGRATION", 2, "M", "1999-03", "[\"ER\"]", "ASYLUM_SEEKER"));
        kzJanuary.addAll(records("kz", "KZ-MIGRATION", 1, "F", "2012-01-05", "[\"SO\"]", "STATELESS"));
        registered("kz", kzJanuary, "2025-01-15T12:00:00Z");
        // kg, January: 6 persons, one a small child of sex X. tj, February: 3 persons (below k).
        List<String> kgJanuary = new ArrayList<>(records("kg", "KG-SMS", 5, "F", "1995", "[\"AF\"]", "ASYLUM_SEEKER"));
        kgJanuary.addAll(records("kg", "KG-SMS", 1, "X", "2020-05-05", "[\"AF\"]", "ASYLUM_SEEKER"));
        registered("kg", kgJanuary, "2025-01-20T08:00:00Z");
        registered("tj", records("tj", "TJ-MIA", 3, "M", "1970", "[\"AF\"]", "REFUGEE"), "2025-02-03T09:00:00Z");

        // Fourteen requests from kg to kz in January: 6 released, 6 not available, 2 partly released.
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            requests.add(ask(kzJanuary.get(i), "\"IDENTITY\", \"CASE_STATUS\"", "RELEASED"));
            requests.add(ask("KZ-" + RUN + "-NOBODY-" + i, "\"IDENTITY\", \"CASE_STATUS\"", "NOT_AVAILABLE"));
        }
        for (int i = 6; i < 8; i++) {
            requests.add(ask(kzJanuary.get(i), "\"IDENTITY\", \"CASE_STATUS\", \"CLAIM\"", "PARTIALLY_RELEASED"));
        }
        Timestamp january = Timestamp.from(Instant.parse("2025-01-22T10:00:00Z"));
        for (String id : requests) {
            RegionData.owner(region, "kz").update("update exchange_received set received_at = ? where sender_node = 'kg'"
                    + " and request_id = ?::uuid", january, id);
            RegionData.owner(region, "kg").update("update exchange_request set created_at = ? where id = ?::uuid",
                    january, id);
        }
        // Screenings in January: kz twelve (ten adults, two children alone), kg six adults; kz refers its twelve (the
        // adults to the asylum procedure, the children to child protection); five referrals are acknowledged and one
        // of them completed successfully.
        List<UUID> kzScreenings = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            kzScreenings.add(ScreeningData.id(ScreeningData.record(region, "kz", "KZ-BORDER",
                    i < 10 ? ScreeningData.adultAsylumSeeker("Screened" + i) : childAlone())));
        }
        List<UUID> kgScreenings = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            kgScreenings.add(ScreeningData.id(ScreeningData.record(region, "kg", "KG-BORDER",
                    ScreeningData.adultAsylumSeeker("Screened" + i))));
        }
        Timestamp screenedOn = Timestamp.from(Instant.parse("2025-01-12T07:00:00Z"));
        kzScreenings.forEach(id -> RegionData.owner(region, "kz").update(
                "update screening set created_at = ? where id = ?", screenedOn, id));
        kgScreenings.forEach(id -> RegionData.owner(region, "kg").update(
                "update screening set created_at = ? where id = ?", screenedOn, id));
        List<String> referrals = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            referrals.add(refer(kzScreenings.get(i), i < 10));
        }
        String migration = region.token("KZ-MIGRATION", "registrar");
        for (int i = 0; i < 5; i++) {
            step(referrals.get(i), "acknowledgement", migration, "{}");
        }
        step(referrals.get(0), "acceptance", migration, "{}");
        step(referrals.get(0), "completion", migration, "{ \"successful\": true }");
        Timestamp referredOn = Timestamp.from(Instant.parse("2025-01-12T09:00:00Z"));
        referrals.forEach(id -> RegionData.owner(region, "kz").update(
                "update referral set created_at = ? where id = ?::uuid", referredOn, id));
    }

    @AfterAll
    static void stop() {
        proxy.close();
        region.close();
    }

    @Test
    @DisplayName("a node's officer asks for the node's figures; result: every population, each cell published only when"
            + " it holds at least 5 and protected by secondary suppression, valid against its schema")
    void nodeFigures() {
        JsonNode kz = node("kz", "KZ-BORDER", "reviewer", M1, M2);
        assertEquals(List.of(), SCHEMAS.validate("statistics", kz), kz::toString);
        Observation records = observe(kz).get("kz/records-registered/" + M1);
        assertEquals(28L, records.total());
        // The one stateless child (1) is held back with REFUGEE (6), the smallest publishable cell.
        assertEquals(Map.of("ASYLUM_SEEKER", 21L), records.published().get("by-status"));
        assertEquals(Map.of("AF", 19L), records.published().get("by-nationality"));
        assertEquals(Map.of("M|18-59", 15L), records.published().get("by-sex-and-age"));
        assertEquals(Set.of("by-status", "by-nationality", "by-sex-and-age"), records.suppressed());
        Observation february = observe(kz).get("kz/records-registered/" + M2);
        assertEquals(0L, february.total());
        assertTrue(february.suppressed().isEmpty());

        Observation received = observe(kz).get("kz/requests-received/" + M1);
        assertEquals(14L, received.total());
        Map<String, Long> cells = received.published().get("by-purpose-and-outcome");
        // The two partly released requests are held back with one of the two cells of 6, chosen at random.
        assertEquals(1, cells.size(), cells::toString);
        assertTrue(Map.of("RSD_CASE_PROCESSING|RELEASED", 6L).equals(cells)
                || Map.of("RSD_CASE_PROCESSING|NOT_AVAILABLE", 6L).equals(cells), cells::toString);

        // The requests kg sent are in kg's own view, and in no node's signed figures.
        JsonNode kg = node("kg", "KG-SMS", "officer", M1, M1);
        Observation sent = observe(kg).get("kg/requests-sent/" + M1);
        assertEquals(14L, sent.total());
        assertEquals("node", population(kg, "requests-sent").path("scope").asString());
        JsonNode regional = regionView("kz", M1, M1);
        regional.path("nodes").forEach(n -> assertFalse(n.path("envelope").asString().isEmpty()));
        regional.path("nodes").forEach(n -> assertFalse(payload(n.path("envelope").asString()).toString()
                .contains("requests-sent"), n.path("node").asString()));
    }

    @Test
    @DisplayName("an officer asks for the region; result: the sum of three envelopes, each signed by its node's registry key"
            + " and bound to the query, with the same figures whoever asks")
    void regionAddsThreeSignedEnvelopes() {
        JsonNode fromKg = regionView("kg", M1, M2);
        assertEquals(List.of(), SCHEMAS.validate("statistics-region", fromKg), fromKg::toString);
        TrustedKeys keys = region.start("kg").getBean(TrustedKeys.class);
        Map<String, JsonNode> figures = new LinkedHashMap<>();
        for (JsonNode node : fromKg.path("nodes")) {
            String id = node.path("node").asString();
            assertTrue(node.path("answered").asBoolean() && node.path("verified").asBoolean(), node::toString);
            String envelope = node.path("envelope").asString();
            String kid = EnvelopeVerifier.verifySignatureOnly(envelope, keys).kid();
            assertTrue(kid.startsWith(id + "-"), kid);
            JsonNode payload = payload(envelope);
            assertEquals(id, payload.path("iss").asString());
            assertEquals("kg", payload.path("aud").asString());
            assertEquals(List.of(), SCHEMAS.validate("statistics-envelope", payload));
            figures.put(id, payload.path("statistics"));
        }
        assertEquals(Set.of("kz", "kg", "tj"), figures.keySet());

        JsonNode records = month(fromKg, "records-registered", M1);
        assertEquals(28 + 6, records.path("total").path("value").asLong());
        assertTrue(records.path("total").path("complete").asBoolean());
        assertEquals(List.of("kg", "kz", "tj"), strings(records.path("countedNodes")));
        // AF: kz 19 + kg 6 (tj none), complete. ER is suppressed at kz and published nowhere: not listed, and
        // the table says the cells not listed are suppressed at kz.
        JsonNode af = cell(records, "by-nationality", "nationality", "AF");
        assertEquals(25, af.path("value").asLong());
        assertTrue(af.path("complete").asBoolean(), af::toString);
        JsonNode byStatus = table(records, "by-status");
        assertEquals(List.of("kz"), strings(byStatus.path("otherCells").path("suppressedAt")));
        // ASYLUM_SEEKER: kz 21 (published) + kg 6; REFUGEE: suppressed at kz, so kg's 0 is not the region's.
        assertEquals(27, cell(records, "by-status", "status", "ASYLUM_SEEKER").path("value").asLong());
        JsonNode february = month(fromKg, "records-registered", M2);
        assertEquals(List.of("tj"), strings(february.path("total").path("suppressedAt")), february::toString);
        assertEquals(0, february.path("total").path("value").asLong());

        // Every regional figure is the sum of the published figures of the nodes' own envelopes.
        Map<String, Observation> nodes = new LinkedHashMap<>();
        figures.values().forEach(f -> nodes.putAll(observe(f)));
        for (JsonNode population : fromKg.path("populations")) {
            for (JsonNode month : population.path("months")) {
                String suffix = population.path("population").asString() + "/" + month.path("month").asString();
                long total = 0;
                for (String id : figures.keySet()) {
                    Long value = nodes.get(id + "/" + suffix).total();
                    total += value == null ? 0 : value;
                }
                assertEquals(total, month.path("total").path("value").asLong(), suffix);
            }
        }

        // The same figures for every node that asks: tj (a state whose nationals could be on record) sees kz's as kg does.
        JsonNode fromTj = regionView("tj", M1, M2);
        assertEquals(statisticsOf(fromKg, "kz"), statisticsOf(fromTj, "kz"));
        assertEquals(fromKg.path("populations"), fromTj.path("populations"));
    }

    @Test
    @DisplayName("node tj is stopped; result: the region names tj as not answering and adds the two others' figures")
    void stoppedNodeIsNamed() {
        region.stop("tj");
        try {
            JsonNode view = regionView("kz", M1, M2);
            JsonNode tj = node(view, "tj");
            assertFalse(tj.path("answered").asBoolean());
            assertFalse(tj.path("verified").asBoolean());
            assertEquals("node_unreachable", tj.path("problem").asString());
            assertTrue(node(view, "kz").path("verified").asBoolean() && node(view, "kg").path("verified").asBoolean());
            JsonNode records = month(view, "records-registered", M1);
            assertEquals(34, records.path("total").path("value").asLong());
            assertEquals(List.of("tj"), strings(records.path("notCounted")));
            assertFalse(records.path("total").path("complete").asBoolean());
        } finally {
            region.start("tj");
        }
    }

    @Test
    @DisplayName("kg's envelope is changed on the way (a total raised by one); result: kg answered, not verified"
            + " (bad signature), and its figures are not added")
    void tamperedEnvelopeIsNotAdded() {
        proxy.tamper(true);
        JsonNode view;
        try {
            view = regionView("kz", M1, M2);
        } finally {
            proxy.tamper(false);
        }
        JsonNode kg = node(view, "kg");
        assertTrue(kg.path("answered").asBoolean());
        assertFalse(kg.path("verified").asBoolean());
        assertEquals("envelope_bad_signature", kg.path("problem").asString());
        JsonNode records = month(view, "records-registered", M1);
        assertEquals(28, records.path("total").path("value").asLong(), "kz's 28 and tj's 0; kg's 6 left out");
        assertEquals(List.of("kg"), strings(records.path("notCounted")));
        // Untampered again, kg verifies.
        assertTrue(node(regionView("kz", M1, M2), "kg").path("verified").asBoolean());
    }

    @Test
    @DisplayName("an attacker holds every envelope, node view and regional sum for overlapping periods (Jan, Jan-Feb,"
            + " Feb-Mar, Jan-Mar); result: no suppressed cell can be told from 'nobody' or from '4 persons'")
    void attackerRecoversNothing() {
        List<JsonNode> published = new ArrayList<>();
        String[][] periods = {{M1, M1}, {M1, M2}, {M2, "2025-03"}, {M1, "2025-03"}};
        for (String[] period : periods) {
            JsonNode view = regionView("kz", period[0], period[1]);
            view.path("nodes").forEach(n -> published.add(payload(n.path("envelope").asString()).path("statistics")));
            published.add(node("kz", "KZ-MIGRATION", "dpo", period[0], period[1]));
            // Regional sums add only published figures: nothing for the attacker beyond the nodes' own.
            checkSums(view);
        }
        Map<String, Observation> observed = new LinkedHashMap<>();
        for (JsonNode figures : published) {
            observe(figures).forEach((key, observation) -> {
                Observation earlier = observed.putIfAbsent(key, observation);
                // A month is released once: every answer that contains it shows exactly the same figures.
                assertTrue(earlier == null || earlier.equals(observation), () -> key + ": " + earlier + " vs " + observation);
            });
        }
        LinearAttacker attacker = new LinearAttacker();
        Map<String, Long> truth = new LinkedHashMap<>();
        for (var entry : observed.entrySet()) {
            equations(attacker, entry.getKey(), entry.getValue(), truth);
        }
        int attacked = 0;
        for (var cell : truth.entrySet()) {
            if (cell.getValue() == 0 && attacked > 0 && cell.getKey().contains("by-nationality")) {
                continue; // the empty nationalities are many and alike; every non-empty cell is attacked
            }
            LinearAttacker.Range range = attacker.range(cell.getKey());
            assertTrue(range.min() <= 0 && range.max() >= 4, () -> cell.getKey() + " (truth " + cell.getValue()
                    + ") narrowed to " + range);
            attacked++;
        }
        assertTrue(attacked >= 20, "attacked " + attacked + " suppressed cells");
        assertTrue(truth.values().stream().anyMatch(v -> v > 0 && v < 5), "small cells were among them");
    }

    @Test
    @DisplayName("screenings and referrals of January; result: each node's figures protected (kz's two children, a small"
            + " cell, suppressed with the rest of their tables), the referrals counted at their sender, and the region's"
            + " figures the sum of three signed envelopes")
    void screeningsAndReferrals() {
        Map<String, Observation> kz = observe(node("kz", "KZ-MIGRATION", "officer", M1, M1));
        Observation screened = kz.get("kz/screenings-recorded/" + M1);
        assertEquals(12L, screened.total());
        assertEquals(Map.of("YES", 12L), screened.published().get("potential-asylum-seeker"));
        assertEquals(Map.of("NO", 12L), screened.published().get("elderly"));
        // Two children of twelve: the whole table is held back (2 alone is below k; the 10 adults with them).
        assertEquals(Map.of(), screened.published().get("child"));
        assertEquals(Map.of(), screened.published().get("unaccompanied-or-separated-child"));
        assertEquals(Set.of("child", "unaccompanied-or-separated-child"), screened.suppressed());

        Observation referred = kz.get("kz/referrals-sent/" + M1);
        assertEquals(12L, referred.total());
        assertEquals(Map.of("SENT", 7L), referred.published().get("by-outcome"));
        assertEquals(Set.of("by-type", "by-priority", "by-outcome"), referred.suppressed());
        // What was counted before disclosure control: every step reached, the completion as successful.
        PopulationCounts counted = counts("kz", "referrals-sent", YearMonth.parse(M1));
        assertEquals(Map.of("SENT", 7L, "RECEIVED", 4L, "COMPLETED_SUCCESSFUL", 1L), units(counted, "by-outcome"));
        assertEquals(Map.of("ASYLUM_PROCEDURE", 10L, "CHILD_PROTECTION", 2L), units(counted, "by-type"));
        assertEquals(Map.of("NORMAL", 10L, "URGENT", 2L), units(counted, "by-priority"));
        assertEquals(new PopulationCounts.Tally(12, 12), counted.total());
        assertEquals(Map.of("YES", 2L, "NO", 10L), units(counts("kz", "screenings-recorded", YearMonth.parse(M1)),
                "child"));

        Observation kg = observe(node("kg", "KG-SMS", "officer", M1, M1)).get("kg/screenings-recorded/" + M1);
        assertEquals(6L, kg.total());
        assertEquals(Map.of("NO", 6L), kg.published().get("child"));

        JsonNode regional = regionView("tj", M1, M1);
        regional.path("nodes").forEach(n -> assertTrue(n.path("verified").asBoolean(), n::toString));
        JsonNode screenings = month(regional, "screenings-recorded", M1);
        assertEquals(18, screenings.path("total").path("value").asLong());
        assertTrue(screenings.path("total").path("complete").asBoolean());
        JsonNode asylum = cell(screenings, "potential-asylum-seeker", "raised", "YES");
        assertEquals(18, asylum.path("value").asLong());
        assertTrue(asylum.path("complete").asBoolean());
        // Adults: kg's 6 are published, kz's are held back: the sum says so.
        JsonNode adults = cell(screenings, "child", "raised", "NO");
        assertEquals(6, adults.path("value").asLong());
        assertFalse(adults.path("complete").asBoolean());
        assertEquals(List.of("kz"), strings(adults.path("suppressedAt")));
        JsonNode referralsSent = month(regional, "referrals-sent", M1);
        assertEquals(12, referralsSent.path("total").path("value").asLong());
        assertEquals(List.of("kg", "kz", "tj"), strings(referralsSent.path("countedNodes")));
        assertEquals(7, cell(referralsSent, "by-outcome", "outcome", "SENT").path("value").asLong());
        assertEquals("referrals", population(regional, "referrals-sent").path("unit").asString());
        assertEquals(List.of(), SCHEMAS.validate("statistics-region", regional), regional::toString);

        var csv = Http.get(region.uri("kz", "/api/v1/statistics/node.csv?from=" + M1 + "&to=" + M1),
                region.token("KZ-MIGRATION", "officer"));
        List<String> lines = csv.body().lines().toList();
        assertTrue(lines.contains("kz,screenings-recorded,screenings," + M1 + ",child,raised=YES,,true,5"), csv::body);
        assertTrue(lines.contains("kz,screenings-recorded,screenings," + M1
                + ",potential-asylum-seeker,raised=YES,12,false,5"), csv::body);
        assertTrue(lines.contains("kz,referrals-sent,referrals," + M1 + ",by-outcome,outcome=SENT,7,false,5"), csv::body);
        var sums = Http.get(region.uri("kz", "/api/v1/statistics/region.csv?from=" + M1 + "&to=" + M1),
                region.token("KZ-MIGRATION", "officer"));
        assertTrue(sums.body().lines().toList().contains(
                "screenings-recorded,screenings," + M1 + ",potential-asylum-seeker,raised=YES,18,true,,"), sums::body);
    }

    @Test
    @DisplayName("the background check releases every due month of the last 36 that is not released yet, for every"
            + " population, once; what was released before stays as it was")
    void dueMonthsReleasedInTheBackground() {
        var kz = region.start("kz");
        YearMonth due = Period.lastReleased(kz.getBean(StatisticsProperties.class).releaseDelay(), java.time.Clock.systemUTC());
        JsonNode before = node("kz", "KZ-MIGRATION", "officer", M1, M1);
        kz.getBean(ReleaseSchedule.class).releaseDue();
        kz.getBean(ReleaseSchedule.class).releaseDue();
        var owner = RegionData.owner(region, "kz");
        assertEquals(List.of("records-registered", "referrals-sent", "requests-received", "requests-sent",
                "screenings-recorded"), owner.queryForList(
                "select population from statistics_release where month = ? order by population", String.class,
                java.sql.Date.valueOf(due.atDay(1))));
        assertEquals(36 * 5, owner.queryForObject("select count(*) from statistics_release where month between ? and ?",
                Integer.class, java.sql.Date.valueOf(due.minusMonths(35).atDay(1)), java.sql.Date.valueOf(due.atDay(1))));
        assertEquals(before, node("kz", "KZ-MIGRATION", "officer", M1, M1), "January, released before, is unchanged");
    }

    @Test
    @DisplayName("the age band is taken on the last day of the month of registration; a partial birth date counts at the"
            + " latest day it allows; no sex, no nationality and no birth date have their own cells")
    void ageBandsAndPartialDates() {
        // Registered in June 2019: reference date 30 June 2019.
        List<String> refs = new ArrayList<>();
        refs.addAll(records("kz", "KZ-BORDER", 1, "F", "2014-07-01", "[\"AF\"]", "ASYLUM_SEEKER")); // 4 -> 0-4
        refs.addAll(records("kz", "KZ-BORDER", 1, "F", "2014-06-30", "[\"AF\"]", "ASYLUM_SEEKER")); // 5 -> 5-11
        refs.addAll(records("kz", "KZ-BORDER", 1, "M", "2001", "[\"IR\", \"AF\"]", "ASYLUM_SEEKER")); // 31 Dec 2001: 17
        refs.addAll(records("kz", "KZ-BORDER", 1, "M", "2001-06", "[]", "ASYLUM_SEEKER")); // 30 June 2001: 18
        refs.addAll(records("kz", "KZ-BORDER", 1, "M", "1959-07", "[\"AF\"]", "ASYLUM_SEEKER")); // 31 July 1959: 59
        refs.addAll(records("kz", "KZ-BORDER", 1, "M", "1959-06-30", "[\"AF\"]", "ASYLUM_SEEKER")); // 60 -> 60+
        refs.addAll(records("kz", "KZ-BORDER", 1, null, null, "[\"AF\"]", "ASYLUM_SEEKER")); // nothing known
        registered("kz", refs, "2019-06-30T23:00:00Z");
        StatisticsSource records = region.start("kz").getBeansOfType(StatisticsSource.class).values().stream()
                .filter(s -> s.populations().stream().anyMatch(p -> p.name().equals("records-registered")))
                .findFirst().orElseThrow();
        Population population = records.populations().get(0);
        PopulationCounts june = records.count(population, YearMonth.of(2019, 6), YearMonth.of(2019, 6))
                .get(YearMonth.of(2019, 6));
        Map<String, Long> bands = new java.util.TreeMap<>();
        june.cells("by-sex-and-age").forEach((cell, tally) -> bands.put(cell, tally.units()));
        assertEquals(Map.of("F|0-4", 1L, "F|5-11", 1L, "M|12-17", 1L, "M|18-59", 2L, "M|60+", 1L,
                "UNKNOWN|UNKNOWN", 1L), bands);
        Map<String, Long> nationalities = new java.util.TreeMap<>();
        june.cells("by-nationality").forEach((cell, tally) -> nationalities.put(cell, tally.units()));
        assertEquals(Map.of("AF", 5L, "IR", 1L, "NONE", 1L), nationalities, "the first nationality listed counts");
        assertEquals(7, june.total().units());
    }

    @Test
    @DisplayName("another node asks without a signature, for another node, for another period than it signed, or for a bad"
            + " period; result: 400 envelope_malformed, 401 envelope_wrong_audience, 400 invalid_parameter or schema_violation")
    void signedQueriesOnly() {
        var unsigned = Http.get(region.uri("kz", "/exchange/v1/statistics?from=" + M1 + "&to=" + M1), null);
        Problems.assertProblem(unsigned, 400, "envelope_malformed");
        EnvelopeSigner kg = region.start("kg").getBean(EnvelopeSigner.class);
        ObjectNode period = tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode();
        period.put("from", M1).put("to", M1);
        String forTj = kg.sign(StatisticsMessages.QUERY, "tj", period, Instant.now());
        Problems.assertProblem(signedGet("kz", M1, M1, forTj), 401, "envelope_wrong_audience");
        String forKz = kg.sign(StatisticsMessages.QUERY, "kz", period, Instant.now());
        Problems.assertProblem(signedGet("kz", M1, M2, forKz), 400, "invalid_parameter");
        // A signed query for a bad period: not a month (its schema), or from after to.
        ObjectNode badMonth = period.deepCopy().put("from", "2025-13");
        Problems.assertProblem(signedGet("kz", "2025-13", M1, kg.sign(StatisticsMessages.QUERY, "kz", badMonth,
                Instant.now())), 400, "schema_violation");
        ObjectNode backwards = period.deepCopy().put("from", M2);
        Problems.assertProblem(signedGet("kz", M2, M1, kg.sign(StatisticsMessages.QUERY, "kz", backwards, Instant.now())),
                400, "invalid_parameter");
        var answer = signedGet("kz", M1, M1, forKz);
        assertEquals(200, answer.statusCode(), answer::body);
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/jose"));
    }

    @Test
    @DisplayName("an officer exports the figures as CSV; result: one line per cell of every table, each saying whether it"
            + " was suppressed, and the region's sums with where they are incomplete")
    void csvExport() {
        var csv = Http.get(region.uri("kz", "/api/v1/statistics/node.csv?from=" + M1 + "&to=" + M1),
                region.token("KZ-MIGRATION", "reviewer"));
        assertEquals(200, csv.statusCode(), csv::body);
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertEquals(StatisticsCsv.NODE_HEADER.strip(), lines.get(0));
        assertTrue(lines.contains("kz,records-registered,persons," + M1 + ",by-status,status=ASYLUM_SEEKER,21,false,5"),
                lines.subList(0, 12).toString());
        assertTrue(lines.contains("kz,records-registered,persons," + M1 + ",by-status,status=STATELESS,,true,5"));
        assertTrue(lines.contains("kz,records-registered,persons," + M1 + ",total,,28,false,5"));
        // Every cell of every table: 7 statuses, the nationalities, 4 x 6 sexes and age bands, and each total.
        long recordLines = lines.stream().filter(l -> l.startsWith("kz,records-registered,")).count();
        assertEquals(1 + 7 + (java.util.Locale.getISOCountries().length + 2) + 24, recordLines);
        var regional = Http.get(region.uri("kz", "/api/v1/statistics/region.csv?from=" + M1 + "&to=" + M1),
                region.token("KZ-MIGRATION", "officer"));
        assertEquals(200, regional.statusCode(), regional::body);
        List<String> sums = regional.body().lines().toList();
        assertTrue(sums.contains("records-registered,persons," + M1 + ",by-nationality,nationality=AF,25,true,,"), sums::toString);
        assertTrue(sums.contains("records-registered,persons," + M1 + ",by-nationality,(other cells),,,kz,"), sums::toString);
    }

    // --- data ------------------------------------------------------------------------------------

    private static final java.util.concurrent.atomic.AtomicInteger SERIAL = new java.util.concurrent.atomic.AtomicInteger();

    /** Registers {@code count} records at {@code node}; returns their references. */
    private static List<String> records(String node, String agency, int count, String sex, String birth,
            String nationalities, String status) {
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String ref = node.toUpperCase() + "-" + RUN + "-S" + SERIAL.incrementAndGet();
            String body = """
                    { "holderRecordRef": "%s",
                      "identity": { "familyName": "Statov", "givenNames": "Person %d" %s %s, "nationalities": %s },
                      "caseStatus": { "status": "%s", "statusDate": "2025-01-10" },
                      "claim": { "summary": "Fears return.", "grounds": ["POLITICAL_OPINION"], "countriesOfFear": ["AF"] } }"""
                    .formatted(ref, SERIAL.get(), sex == null ? "" : ", \"sex\": \"" + sex + "\"",
                            birth == null ? "" : ", \"dateOfBirth\": \"" + birth + "\"", nationalities, status);
            var created = Http.postJson(region.uri(node, "/api/v1/records"), region.token(agency, "registrar"), body);
            assertEquals(201, created.statusCode(), created::body);
            refs.add(ref);
        }
        return refs;
    }

    /** Moves the records' registration to {@code at}, as a DBA would. */
    private static void registered(String node, List<String> refs, String at) {
        for (String ref : refs) {
            RegionData.owner(region, node).update("update subject_record set created_at = ? where holder_record_ref = ?",
                    Timestamp.from(Instant.parse(at)), ref);
        }
    }

    /** kg asks kz about {@code ref}; returns the request id after checking the outcome. */
    private static String ask(String ref, String categories, String outcome) {
        String caseRef = "KG-SMS-" + RUN + "-" + SERIAL.incrementAndGet();
        HttpResponse<String> answer = RegionData.askFromKg(region, ref, caseRef, categories);
        assertEquals(200, answer.statusCode(), answer::body);
        JsonNode body = Problems.json(answer.body());
        assertEquals(outcome, body.path("outcome").asString(), body::toString);
        return body.path("requestId").asString();
    }

    private static String childAlone() {
        return ScreeningData.interview("\"givenNames\": \"Ali\", \"dateOfBirth\": \"2011-03-01\", \"nationalities\": [\"AF\"],"
                + " \"accompaniment\": \"ALONE\"", "\"journeyStart\": \"AF\", \"reasonsForLeaving\": [\"ARMED_CONFLICT\"]", "");
    }

    /** KZ-BORDER refers a screened person: an adult to the asylum procedure with consent, a child to child protection. */
    private static String refer(UUID screening, boolean adult) {
        String body = adult ? """
                { "screeningId": "%s", "toAgency": "KZ-MIGRATION", "type": "ASYLUM_PROCEDURE",
                  "categories": ["IDENTITY", "SCREENING"], "consent": { "givenBy": "SUBJECT", "informedInLanguage": "prs",
                  "interpreterPresent": true, "evidenceRef": "slip-0042" } }""".formatted(screening) : """
                { "screeningId": "%s", "toAgency": "KZ-CHILD-PROTECTION", "type": "CHILD_PROTECTION",
                  "categories": ["IDENTITY", "SPECIFIC_NEEDS"],
                  "bestInterestReason": "Child travelling alone; no guardian can be reached." }""".formatted(screening);
        var sent = Http.postJson(region.uri("kz", "/api/v1/referrals"), region.token("KZ-BORDER", "screener"), body);
        assertEquals(201, sent.statusCode(), sent::body);
        return Problems.json(sent.body()).path("id").asString();
    }

    private static void step(String referral, String step, String token, String body) {
        var answer = Http.postJson(region.uri("kz", "/api/v1/referrals/" + referral + "/" + step), token, body);
        assertEquals(200, answer.statusCode(), answer::body);
    }

    // --- calls -----------------------------------------------------------------------------------

    private static JsonNode node(String node, String agency, String role, String from, String to) {
        return RegionData.getJson(region, node, "/api/v1/statistics/node?from=" + from + "&to=" + to,
                region.token(agency, role));
    }

    private static JsonNode regionView(String node, String from, String to) {
        String agency = switch (node) {
            case "kz" -> "KZ-MIGRATION";
            case "kg" -> "KG-SMS";
            default -> "TJ-MIA";
        };
        return RegionData.getJson(region, node, "/api/v1/statistics/region?from=" + from + "&to=" + to,
                region.token(agency, "officer"));
    }

    private static HttpResponse<String> signedGet(String node, String from, String to, String query) {
        return Http.json("GET", region.uri(node, "/exchange/v1/statistics?from=" + from + "&to=" + to), null, "",
                "Authorization", "Signed " + query);
    }

    // --- reading the figures ----------------------------------------------------------------------

    /** One node's figures of one population and month, as published. */
    record Observation(Long total, Map<String, Map<String, Long>> published, Set<String> suppressed) {
    }

    /** "node/population/month" → what was published. */
    static Map<String, Observation> observe(JsonNode figures) {
        Map<String, Observation> observations = new LinkedHashMap<>();
        String node = figures.path("node").asString();
        for (JsonNode population : figures.path("populations")) {
            Map<String, List<String>> dimensions = new LinkedHashMap<>();
            population.path("tables").forEach(t -> dimensions.put(t.path("table").asString(), strings(t.path("dimensions"))));
            for (JsonNode month : population.path("months")) {
                Map<String, Map<String, Long>> published = new LinkedHashMap<>();
                Set<String> suppressed = new TreeSet<>();
                for (JsonNode table : month.path("tables")) {
                    String name = table.path("table").asString();
                    Map<String, Long> cells = new LinkedHashMap<>();
                    for (JsonNode cell : table.path("cells")) {
                        List<String> values = new ArrayList<>();
                        dimensions.get(name).forEach(d -> values.add(cell.path(d).asString()));
                        cells.put(String.join("|", values), cell.path("value").asLong());
                    }
                    published.put(name, cells);
                    if (table.path("otherCells").asString().equals("SUPPRESSED")) {
                        suppressed.add(name);
                    }
                }
                JsonNode total = month.path("total");
                observations.put(node + "/" + population.path("population").asString() + "/"
                        + month.path("month").asString(), new Observation(total.has("value")
                                ? total.path("value").asLong() : null, published, suppressed));
            }
        }
        return observations;
    }

    /**
     * What the attacker knows of one observation, as equations over its unknowns (every cell not
     * published of a table with suppressed cells, and a suppressed total, known to lie between 1 and
     * k - 1); records the true value of every unknown cell from the node's own counts.
     */
    private static void equations(LinearAttacker attacker, String key, Observation observation, Map<String, Long> truth) {
        String[] parts = key.split("/");
        StatisticsSource source = region.start(parts[0]).getBeansOfType(StatisticsSource.class).values().stream()
                .filter(s -> s.populations().stream().anyMatch(p -> p.name().equals(parts[1]))).findFirst().orElseThrow();
        Population population = source.populations().stream().filter(p -> p.name().equals(parts[1])).findFirst()
                .orElseThrow();
        YearMonth month = YearMonth.parse(parts[2]);
        PopulationCounts counts = source.count(population, month, month).getOrDefault(month, new PopulationCounts(population));
        String total = key + "/total";
        if (observation.total() == null) {
            attacker.bound(total, 1, 4);
        }
        for (String table : observation.suppressed()) {
            StatisticalTable definition = population.table(table);
            Map<String, Double> terms = new LinkedHashMap<>();
            long published = 0;
            for (String cell : definition.cells()) {
                Long value = observation.published().get(table).get(cell);
                if (value != null) {
                    published += value;
                    continue;
                }
                String variable = key + "/" + table + "/" + cell;
                terms.put(variable, 1.0);
                var tally = counts.cells(table).get(cell);
                truth.put(variable, tally == null ? 0 : tally.units());
            }
            if (observation.total() == null) {
                terms.put(total, -1.0);
                attacker.equation(terms, -published);
            } else {
                attacker.equation(terms, observation.total() - published);
            }
        }
    }

    /** What a node's source counts of a population's month, before disclosure control. */
    private static PopulationCounts counts(String node, String name, YearMonth month) {
        StatisticsSource source = region.start(node).getBeansOfType(StatisticsSource.class).values().stream()
                .filter(s -> s.populations().stream().anyMatch(p -> p.name().equals(name))).findFirst().orElseThrow();
        Population population = source.populations().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow();
        return source.count(population, month, month).get(month);
    }

    private static Map<String, Long> units(PopulationCounts counts, String table) {
        Map<String, Long> units = new java.util.TreeMap<>();
        counts.cells(table).forEach((cell, tally) -> units.put(cell, tally.units()));
        return units;
    }

    /** Each regional figure is the sum of the published figures of the nodes counted. */
    private static void checkSums(JsonNode view) {
        Map<String, Observation> nodes = new LinkedHashMap<>();
        view.path("nodes").forEach(n -> nodes.putAll(observe(payload(n.path("envelope").asString()).path("statistics"))));
        for (JsonNode population : view.path("populations")) {
            for (JsonNode month : population.path("months")) {
                String suffix = population.path("population").asString() + "/" + month.path("month").asString();
                for (JsonNode table : month.path("tables")) {
                    for (JsonNode cell : table.path("cells")) {
                        long sum = 0;
                        for (String node : strings(month.path("countedNodes"))) {
                            Observation o = nodes.get(node + "/" + suffix);
                            String key = cellKey(population, table.path("table").asString(), cell);
                            Long value = o.published().get(table.path("table").asString()).get(key);
                            sum += value == null ? 0 : value;
                        }
                        assertEquals(sum, cell.path("value").asLong(), suffix + " " + cell);
                    }
                }
            }
        }
    }

    private static String cellKey(JsonNode population, String table, JsonNode cell) {
        for (JsonNode t : population.path("tables")) {
            if (t.path("table").asString().equals(table)) {
                List<String> values = new ArrayList<>();
                t.path("dimensions").forEach(d -> values.add(cell.path(d.asString()).asString()));
                return String.join("|", values);
            }
        }
        throw new IllegalArgumentException(table);
    }

    private static JsonNode payload(String envelope) {
        assertNotNull(envelope);
        return Problems.json(new String(java.util.Base64.getUrlDecoder().decode(envelope.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    private static JsonNode statisticsOf(JsonNode view, String node) {
        return payload(node(view, node).path("envelope").asString()).path("statistics");
    }

    private static JsonNode node(JsonNode view, String id) {
        for (JsonNode node : view.path("nodes")) {
            if (node.path("node").asString().equals(id)) {
                return node;
            }
        }
        throw new AssertionError("no node " + id + " in " + view);
    }

    private static JsonNode population(JsonNode figures, String name) {
        for (JsonNode population : figures.path("populations")) {
            if (population.path("population").asString().equals(name)) {
                return population;
            }
        }
        throw new AssertionError("no population " + name);
    }

    private static JsonNode month(JsonNode view, String population, String month) {
        for (JsonNode m : population(view, population).path("months")) {
            if (m.path("month").asString().equals(month)) {
                return m;
            }
        }
        throw new AssertionError("no month " + month);
    }

    private static JsonNode table(JsonNode month, String table) {
        for (JsonNode t : month.path("tables")) {
            if (t.path("table").asString().equals(table)) {
                return t;
            }
        }
        throw new AssertionError("no table " + table);
    }

    private static JsonNode cell(JsonNode month, String table, String dimension, String value) {
        for (JsonNode t : month.path("tables")) {
            if (t.path("table").asString().equals(table)) {
                for (JsonNode cell : t.path("cells")) {
                    if (cell.path(dimension).asString().equals(value)) {
                        return cell;
                    }
                }
            }
        }
        throw new AssertionError("no cell " + dimension + "=" + value + " in " + table);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
