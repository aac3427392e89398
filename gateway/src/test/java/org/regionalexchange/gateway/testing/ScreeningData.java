package org.regionalexchange.gateway.testing;

import java.net.http.HttpResponse;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/** Screening interviews for tests: an interview body, and one recorded through the API. */
public final class ScreeningData {

    private ScreeningData() {
    }

    /**
     * An interview at a Kazakh post on 2026-11-30 of a person with this identity (JSON members of
     * {@code person}), these answers (members of {@code answers}) and observed needs.
     */
    public static String interview(String person, String answers, String specificNeeds) {
        return """
                { "place": "KZ-BCP-ZHIBEK-ZHOLY", "interviewedAt": "2026-11-30T08:15:00Z",
                  "language": "prs", "interpreterPresent": true,
                  "informed": ["PROCEDURE", "RIGHT_TO_SEEK_ASYLUM", "UNHCR_EXISTS"],
                  "person": { %s }, "answers": { %s }, "specificNeeds": [%s] }""".formatted(person, answers, specificNeeds);
    }

    /** An adult Afghan who fled persecution, travelling alone. */
    public static String adultAsylumSeeker(String familyName) {
        return interview("\"familyName\": \"" + familyName + "\", \"givenNames\": \"Ahmad\", \"sex\": \"M\","
                        + " \"dateOfBirth\": \"1990-04-02\", \"nationalities\": [\"AF\"], \"accompaniment\": \"ALONE\"",
                "\"journeyStart\": \"AF\", \"reasonsForLeaving\": [\"PERSECUTION\"], \"forcedToLeave\": true,"
                        + " \"wishesToReturn\": false", "");
    }

    /** Records the interview as a screener of the agency; asserts 201 and returns the answer. */
    public static JsonNode record(TestRegion region, String node, String agency, String interview) {
        HttpResponse<String> response = Http.postJson(region.uri(node, "/api/v1/screenings"),
                region.token(agency, "screener"), interview);
        if (response.statusCode() != 201) {
            throw new AssertionError("screening not recorded: " + response.statusCode() + " " + response.body());
        }
        return Problems.json(response.body());
    }

    public static UUID id(JsonNode screening) {
        return UUID.fromString(screening.path("id").asString());
    }
}
