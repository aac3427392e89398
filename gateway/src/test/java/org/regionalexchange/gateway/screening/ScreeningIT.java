package org.regionalexchange.gateway.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regionalexchange.gateway.testing.Problems.assertProblem;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.RegionData;
import org.regionalexchange.gateway.testing.ScreeningData;
import org.regionalexchange.gateway.testing.TestRegion;

import tools.jackson.databind.JsonNode;

/**
 * docs/design.md §11 on real nodes: a screener of KZ-BORDER records interviews at node kz; the
 * answer carries the computed indicators with their grounds, the priority and the suggested
 * referrals of Kazakhstan's guide with contact blocks; only the screener's agency reads it; every
 * step is in the access log and the history.
 */
class ScreeningIT {

    private static TestRegion region;

    @BeforeAll
    static void startRegion() {
        region = TestRegion.shared();
    }

    @Test
    @DisplayName("'*' answers raise the asylum indicator with those answers as grounds and suggest Kazakhstan's RSD authority and UNHCR")
    void asylumAnswers() {
        JsonNode screening = ScreeningData.record(region, "kz", "KZ-BORDER", ScreeningData.adultAsylumSeeker("Karimi"));
        assertEquals(List.of("POTENTIAL_ASYLUM_SEEKER"), indicators(screening));
        assertEquals(List.of("reasonsForLeaving=PERSECUTION", "forcedToLeave=YES"), grounds(screening, 0), "in the order of the questionnaire");
        assertEquals("NORMAL", screening.path("priority").asString());
        JsonNode rsd = suggestion(screening, "ASYLUM_PROCEDURE", "KZ-MIGRATION");
        assertEquals("Refugee Status Determination Unit", rsd.path("agency").path("contact").path("department").asString());
        assertEquals("+7 7172 000 199", rsd.path("agency").path("contact").path("hotline").asString());
        assertEquals(List.of("POTENTIAL_ASYLUM_SEEKER"), texts(rsd.path("because")));
        assertEquals("UNHCR", suggestion(screening, "UNHCR", "UNHCR-KZ").path("agency").path("organization").asString());
        assertEquals("KZ-BORDER", screening.path("agency").asString());
        assertEquals("annex1", screening.path("questionnaire").path("id").asString());
        assertEquals("Karimi", screening.path("person").path("familyName").asString());
    }

    @Test
    @DisplayName("'+' answers raise the trafficking indicator, URGENT, and suggest the anti-trafficking authority")
    void traffickingAnswers() {
        JsonNode screening = ScreeningData.record(region, "kz", "KZ-BORDER", ScreeningData.interview(
                "\"familyName\": \"Nazarova\", \"sex\": \"F\", \"dateOfBirth\": \"1998\", \"nationalities\": [\"UZ\"],"
                        + " \"accompaniment\": \"WITH_OTHER_ADULTS\"",
                "\"reasonsForLeaving\": [\"EMPLOYMENT_PROMISE_BY_THIRD_PERSON\", \"DECEPTION\"],"
                        + " \"howLeft\": [\"HELPED_BY_ANOTHER_PERSON\"], \"documentsTaken\": true,"
                        + " \"details\": { \"documentsTaken\": \"The man who drove her keeps her passport.\" }", ""));
        assertEquals(List.of("POTENTIAL_TRAFFICKING_VICTIM"), indicators(screening));
        assertEquals(List.of("howLeft=HELPED_BY_ANOTHER_PERSON", "reasonsForLeaving=DECEPTION",
                "reasonsForLeaving=EMPLOYMENT_PROMISE_BY_THIRD_PERSON"), sorted(grounds(screening, 0)));
        assertEquals("URGENT", screening.path("priority").asString());
        JsonNode suggestion = suggestion(screening, "ANTI_TRAFFICKING", "KZ-ANTI-TRAFFICKING");
        assertEquals("URGENT", suggestion.path("priority").asString());
        assertEquals("ANTI_TRAFFICKING", screening.path("suggestedReferrals").get(0).path("type").asString(),
                "most urgent first");
    }

    @Test
    @DisplayName("a 15-year-old travelling alone is a child, unaccompanied, URGENT, with child protection suggested")
    void unaccompaniedChild() {
        JsonNode screening = ScreeningData.record(region, "kz", "KZ-BORDER", ScreeningData.interview(
                "\"givenNames\": \"Ali\", \"dateOfBirth\": \"2011-03-01\", \"nationalities\": [\"AF\"],"
                        + " \"accompaniment\": \"ALONE\"",
                "\"journeyStart\": \"AF\", \"reasonsForLeaving\": [\"ARMED_CONFLICT\"]", ""));
        assertEquals(List.of("POTENTIAL_ASYLUM_SEEKER", "CHILD", "UNACCOMPANIED_OR_SEPARATED_CHILD"), indicators(screening));
        assertEquals("URGENT", screening.path("priority").asString());
        JsonNode child = suggestion(screening, "CHILD_PROTECTION", "KZ-CHILD-PROTECTION");
        assertEquals("URGENT", child.path("priority").asString());
        assertEquals("Child Protection Unit", child.path("agency").path("contact").path("department").asString());
        suggestion(screening, "ASYLUM_PROCEDURE", "KZ-MIGRATION");
    }

    @Test
    @DisplayName("never an agency of a country of origin: a Kazakh national screened in Kazakhstan is shown UNHCR's office only")
    void noAgencyOfCountryOfOrigin() {
        JsonNode screening = ScreeningData.record(region, "kz", "KZ-BORDER", ScreeningData.interview(
                "\"dateOfBirth\": \"1980\", \"nationalities\": [\"KZ\"]", "\"reasonsForLeaving\": [\"PERSECUTION\"]",
                "\"SERIOUS_MEDICAL_CONDITION\""));
        for (JsonNode suggestion : screening.path("suggestedReferrals")) {
            assertEquals("UNHCR-KZ", suggestion.path("agency").path("id").asString(), screening::toString);
        }
        assertTrue(texts(screening.path("noAgencyFor")).containsAll(List.of("ASYLUM_PROCEDURE", "SPECIFIC_NEEDS_CARE")),
                screening::toString);
    }

    @Test
    @DisplayName("only the screener's agency reads a screening; the recording, the read and the refusal are logged; history kept")
    void readByOwnAgencyOnly() {
        UUID id = ScreeningData.id(ScreeningData.record(region, "kz", "KZ-BORDER",
                ScreeningData.adultAsylumSeeker("Hashimi")));
        HttpResponse<String> own = Http.get(region.uri("kz", "/api/v1/screenings/" + id),
                region.token("KZ-BORDER", "screener"));
        assertEquals(200, own.statusCode(), own.body());
        JsonNode read = Problems.json(own.body());
        assertEquals(id.toString(), read.path("id").asString());
        assertEquals(List.of("POTENTIAL_ASYLUM_SEEKER"), indicators(read));
        assertProblem(Http.get(region.uri("kz", "/api/v1/screenings/" + id), region.token("KZ-MIGRATION", "screener")),
                404, "not_found");
        assertProblem(Http.get(region.uri("kz", "/api/v1/screenings/" + UUID.randomUUID()),
                region.token("KZ-BORDER", "screener")), 404, "not_found");
        List<String> actions = RegionData.app(region, "kz").queryForList(
                "SELECT action || ':' || agency FROM access_log WHERE record_id = ? ORDER BY id", String.class, id);
        assertEquals(List.of("SCREENING_RECORDED:KZ-BORDER", "SCREENING_READ:KZ-BORDER", "ACCESS_REFUSED:KZ-MIGRATION"),
                actions);
        assertEquals(1, RegionData.app(region, "kz").queryForObject(
                "SELECT count(*) FROM screening_aud WHERE id = ?", Integer.class, id));
    }

    @Test
    @DisplayName("answers that do not fit the questionnaire, unknown countries and impossible dates are refused; nothing is stored")
    void badAnswersRefused() {
        int before = count();
        String token = region.token("KZ-BORDER", "screener");
        JsonNode problem = assertProblem(Http.postJson(region.uri("kz", "/api/v1/screenings"), token,
                ScreeningData.interview("", "\"reasonsForLeaving\": [\"BOREDOM\"]", "")), 422, "screening_answers_invalid");
        assertTrue(problem.toString().contains("BOREDOM"), problem::toString);
        assertProblem(Http.postJson(region.uri("kz", "/api/v1/screenings"), token,
                ScreeningData.interview("", "\"reasonsForLeaving\": [\"OTHER\"]", "")), 422, "screening_answers_invalid");
        assertProblem(Http.postJson(region.uri("kz", "/api/v1/screenings"), token,
                ScreeningData.interview("\"nationalities\": [\"XX\"]", "", "")), 400, "invalid_value");
        assertProblem(Http.postJson(region.uri("kz", "/api/v1/screenings"), token,
                ScreeningData.interview("\"dateOfBirth\": \"2011-02-30\"", "", "")), 400, "invalid_value");
        assertProblem(Http.postJson(region.uri("kz", "/api/v1/screenings"), token,
                ScreeningData.interview("", "", "").replace("2026-11-30T08:15:00Z", "2099-01-01T00:00:00Z")), 400,
                "invalid_value");
        assertProblem(Http.postJson(region.uri("kz", "/api/v1/screenings"), token,
                ScreeningData.interview("", "\"forcedToLeave\": \"YES\"", "")), 400, "schema_violation");
        assertEquals(before, count());
        // The text of an "other (specify)" option is accepted with its option.
        JsonNode other = ScreeningData.record(region, "kz", "KZ-BORDER", ScreeningData.interview("",
                "\"reasonsForLeaving\": [\"OTHER\"], \"specify\": { \"reasonsForLeaving\": \"Land dispute\" }", ""));
        assertEquals("Land dispute", other.path("answers").path("specify").path("reasonsForLeaving").asString());
    }

    @Test
    @DisplayName("any officer reads the Annex 1 questionnaire as data: questions in order, option codes, their marks, labels in Russian")
    void questionnaire() {
        JsonNode ru = Problems.json(Http.get(region.uri("kz", "/api/v1/screenings/questionnaire?lang=ru"),
                region.token("KZ-MIGRATION", "officer")).body());
        assertEquals("annex1", ru.path("id").asString());
        assertEquals(14, ru.path("questions").size());
        JsonNode reasons = ru.path("questions").get(4);
        assertEquals("reasonsForLeaving", reasons.path("id").asString());
        assertEquals(5, reasons.path("number").asInt());
        JsonNode involuntarily = ru.path("questions").get(6).path("options").get(3);
        assertEquals("INVOLUNTARILY", involuntarily.path("code").asString());
        assertEquals(List.of("*", "+"), sorted(texts(involuntarily.path("marks"))), "sold by someone +*: both marks");
        assertTrue(ru.path("legend").has("*") && ru.path("legend").has("+"), ru.path("legend")::toString);
        JsonNode yes = ru.path("questions").get(5).path("options").get(0);
        assertEquals("Да", yes.path("label").asString());
        assertProblem(Http.get(region.uri("kz", "/api/v1/screenings/questionnaire?lang=xx"),
                region.token("KZ-MIGRATION", "officer")), 400, "invalid_parameter");
    }

    private static int count() {
        return RegionData.app(region, "kz").queryForObject("SELECT count(*) FROM screening", Integer.class);
    }

    static List<String> indicators(JsonNode screening) {
        List<String> names = new ArrayList<>();
        screening.path("indicators").forEach(i -> names.add(i.path("indicator").asString()));
        return names;
    }

    private static List<String> grounds(JsonNode screening, int index) {
        List<String> grounds = new ArrayList<>();
        screening.path("indicators").get(index).path("grounds")
                .forEach(g -> grounds.add(g.path("source").asString() + "=" + g.path("value").asString()));
        return grounds;
    }

    private static JsonNode suggestion(JsonNode screening, String type, String agency) {
        for (JsonNode suggestion : screening.path("suggestedReferrals")) {
            if (suggestion.path("type").asString().equals(type)
                    && suggestion.path("agency").path("id").asString().equals(agency)) {
                return suggestion;
            }
        }
        throw new AssertionError("no suggestion " + type + " to " + agency + " in " + screening);
    }

    private static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(item -> list.add(item.asString()));
        return list;
    }

    private static List<String> sorted(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        copy.sort(null);
        return copy;
    }
}
