package org.regionalexchange.gateway.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regionalexchange.gateway.testing.Problems.assertProblem;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.PdfText;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.TestRegion;

import tools.jackson.databind.JsonNode;

/**
 * The National Reference Guide of a node's state (Regional Guidelines §6.2, Annex 2) on real
 * nodes: Annex 2's order, UNHCR's office last, labels in English or Russian, and the same guide
 * as a PDF whose text is checked.
 */
class ReferenceGuideIT {

    private static final List<String> ANNEX_2 = List.of("RSD", "CHILD_PROTECTION", "ANTI_TRAFFICKING", "CARE", "UNHCR");

    private static TestRegion region;

    @BeforeAll
    static void startRegion() {
        region = TestRegion.shared();
    }

    @Test
    @DisplayName("Kazakhstan's guide in English: Annex 2's sections in order, each agency with its contact block, UNHCR's office last")
    void englishInAnnexOrder() {
        JsonNode guide = guide("kz", "en", region.token("KZ-BORDER", "screener"));
        assertEquals("KZ", guide.path("country").asString());
        assertEquals(ANNEX_2, functions(guide));
        assertEquals(List.of("KZ-MIGRATION", "KZ-CHILD-PROTECTION", "KZ-ANTI-TRAFFICKING", "KZ-CARE", "UNHCR-KZ"),
                agencies(guide));
        JsonNode rsd = guide.path("sections").get(0);
        assertEquals("Competent government agency in charge of refugee status determination", rsd.path("title").asString());
        JsonNode migration = rsd.path("agencies").get(0);
        assertEquals("RSD", migration.path("function").asString());
        assertEquals("Migration Service, Ministry of Internal Affairs of the Republic of Kazakhstan",
                migration.path("name").asString());
        assertEquals("Refugee Status Determination Unit", migration.path("contact").path("department").asString());
        assertEquals("+7 7172 000 101", migration.path("contact").path("phone").asString());
        assertEquals("Astana, sample address 1", migration.path("contact").path("address").asString());
        assertEquals("Mon-Fri 09:00-18:00", migration.path("contact").path("workingHours").asString());
        assertEquals("+7 7172 000 199", migration.path("contact").path("hotline").asString());
        JsonNode unhcr = guide.path("sections").get(4).path("agencies").get(0);
        assertEquals("UNHCR Office in Kazakhstan", unhcr.path("name").asString());
        assertEquals("Protection Officer on duty", unhcr.path("contact").path("contactPerson").asString());
        assertEquals("Hotline / duty officer", guide.path("labels").path("hotline").asString());
    }

    @Test
    @DisplayName("the same guide in Russian: the labels are Russian, the order and the agencies the same")
    void russian() {
        JsonNode guide = guide("kz", "ru", region.token("KZ-MIGRATION", "officer"));
        assertEquals("ru", guide.path("language").asString());
        assertEquals(ANNEX_2, functions(guide));
        assertEquals("Компетентный государственный орган, ответственный за защиту детей",
                guide.path("sections").get(1).path("title").asString());
        assertEquals("Часы работы", guide.path("labels").path("workingHours").asString());
        assertTrue(guide.path("title").asString().endsWith("Казахстан"), guide.path("title").asString());
    }

    @Test
    @DisplayName("Tajikistan's guide has no UNHCR office in the registry: the section is there, empty, and says so")
    void emptySectionSaysSo() {
        JsonNode guide = guide("tj", "en", region.token("TJ-MIA", "officer"));
        assertEquals(ANNEX_2, functions(guide));
        JsonNode unhcr = guide.path("sections").get(4);
        assertEquals(0, unhcr.path("agencies").size());
        assertEquals("No agency of this kind is listed for this state.", unhcr.path("noAgency").asString());
        assertNull(guide.path("sections").get(0).get("noAgency"), "a listed section has no gap note");
    }

    @Test
    @DisplayName("a language without labels is refused with invalid_parameter naming lang, for JSON and PDF alike")
    void unknownLanguage() {
        String token = region.token("KZ-BORDER", "screener");
        JsonNode problem = assertProblem(Http.get(region.uri("kz", "/api/v1/directory/reference-guide?lang=de"), token),
                400, "invalid_parameter");
        assertEquals(List.of("lang"), Problems.fields(problem));
        var pdf = Http.getBytes(region.uri("kz", "/api/v1/directory/reference-guide.pdf?lang=xx"), token);
        assertEquals(400, pdf.statusCode());
        assertTrue(pdf.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(new String(pdf.body(), java.nio.charset.StandardCharsets.UTF_8).contains("\"invalid_parameter\""));
    }

    @Test
    @DisplayName("the guide as a PDF (Accept: application/pdf, or .pdf): Russian section titles in Annex 2 order, agencies and contacts, the font embedded")
    void pdf() {
        String token = region.token("KZ-BORDER", "screener");
        var byAccept = Http.getBytes(region.uri("kz", "/api/v1/directory/reference-guide?lang=ru"), token,
                "Accept", "application/pdf");
        String text = PdfText.of(byAccept).replaceAll("\\s+", " ");
        int previous = -1;
        for (String title : List.of("определение статуса беженца", "защиту детей", "защиту жертв торговли людьми",
                "защиту жертв насилия", "УВКБ ООН")) {
            int at = text.indexOf(title);
            assertTrue(at > previous, () -> "'" + title + "' after the section before it in: " + text);
            previous = at;
        }
        assertTrue(text.contains("Sample child protection authority of the Republic of Kazakhstan"), text);
        assertTrue(text.contains("+7 7172 000 901"), text);
        assertTrue(text.contains("Горячая линия / дежурный"), text);
        assertTrue(text.contains("UNHCR Office in Kazakhstan"), text);
        assertTrue(PdfText.embedsFont(byAccept, "DejaVuSans"), "DejaVu Sans embedded");

        String english = PdfText.of(Http.getBytes(region.uri("kz", "/api/v1/directory/reference-guide.pdf"), token))
                .replaceAll("\\s+", " ");
        assertTrue(english.contains("in charge of refugee status determination"), english);
        assertTrue(english.contains("Migration Service, Ministry of Internal Affairs"), english);
        // A client that accepts anything gets the JSON default.
        var json = Http.get(region.uri("kz", "/api/v1/directory/reference-guide"), token);
        assertEquals(200, json.statusCode());
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }

    private static JsonNode guide(String node, String lang, String token) {
        var response = Http.get(region.uri(node, "/api/v1/directory/reference-guide?lang=" + lang), token);
        assertEquals(200, response.statusCode(), response.body());
        return Problems.json(response.body());
    }

    private static List<String> functions(JsonNode guide) {
        List<String> functions = new ArrayList<>();
        guide.path("sections").forEach(s -> functions.add(s.path("function").asString()));
        return functions;
    }

    private static List<String> agencies(JsonNode guide) {
        List<String> ids = new ArrayList<>();
        guide.path("sections").forEach(s -> s.path("agencies").forEach(a -> ids.add(a.path("agencyId").asString())));
        return ids;
    }
}
