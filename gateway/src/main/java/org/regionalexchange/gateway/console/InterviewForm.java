package org.regionalexchange.gateway.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The screener's interview form as typed: kept as text for showing it again after a refusal, and
 * turned into a document of schema {@code screening} by the questionnaire's questions (each answer
 * under its question id). Nothing is judged here: the schema and the questionnaire do that.
 */
public final class InterviewForm extends PostedForm {

    /** Rows of the journey table the form offers (question 3). */
    static final int TRANSIT_ROWS = 3;

    InterviewForm(Map<String, List<String>> values) {
        super(values);
    }

    static InterviewForm of(MultiValueMap<String, String> posted) {
        return new InterviewForm(posted(posted));
    }

    /** The interview as the API takes it, answers keyed by the questionnaire's question ids. */
    JsonNode toInterview(JsonMapper json, JsonNode questionnaire) {
        ObjectNode interview = json.createObjectNode();
        text(interview, "place", value("place"));
        text(interview, "interviewedAt", value("interviewedAt"));
        text(interview, "language", value("language"));
        interview.put("interpreterPresent", has("interpreterPresent", "1"));
        ArrayNode informed = interview.putArray("informed");
        values("informed").forEach(informed::add);
        ObjectNode person = interview.putObject("person");
        for (String field : List.of("familyName", "givenNames", "sex", "dateOfBirth", "accompaniment", "documentNumber")) {
            text(person, field, value(field));
        }
        countries(person, "nationalities", value("nationalities"));
        countries(person, "formerHabitualResidences", value("formerHabitualResidences"));
        ObjectNode answers = interview.putObject("answers");
        ObjectNode specify = json.createObjectNode();
        ObjectNode details = json.createObjectNode();
        for (JsonNode question : questionnaire.path("questions")) {
            String id = question.path("id").asString();
            String name = "q." + id;
            switch (question.path("answer").asString()) {
                case "YES_NO" -> {
                    if (has(name, "YES") || has(name, "NO")) {
                        answers.put(id, has(name, "YES"));
                    }
                }
                case "ANY_OF" -> {
                    List<String> chosen = values(name);
                    if (!chosen.isEmpty()) {
                        ArrayNode codes = answers.putArray(id);
                        chosen.forEach(codes::add);
                    }
                }
                case "JOURNEY" -> transit(answers, id);
                default -> text(answers, id, value(name));
            }
            text(specify, id, value("specify." + id));
            text(details, id, value("details." + id));
        }
        countries(answers, "countriesFled", value("countriesFled"));
        countries(answers, "countriesFeared", value("countriesFeared"));
        if (!specify.isEmpty()) {
            answers.set("specify", specify);
        }
        if (!details.isEmpty()) {
            answers.set("details", details);
        }
        List<String> needs = values("specificNeeds");
        if (!needs.isEmpty()) {
            ArrayNode list = interview.putArray("specificNeeds");
            needs.forEach(list::add);
        }
        return interview;
    }

    private void transit(ObjectNode answers, String id) {
        List<ObjectNode> rows = new ArrayList<>();
        for (int i = 0; i < TRANSIT_ROWS; i++) {
            String prefix = "transit." + i + ".";
            if (value(prefix + "country").isBlank() && value(prefix + "days").isBlank()
                    && value(prefix + "means").isBlank() && value(prefix + "comments").isBlank()) {
                continue;
            }
            ObjectNode row = answers.objectNode();
            row.put("country", value(prefix + "country").strip());
            String days = value(prefix + "days").strip();
            if (!days.isEmpty()) {
                // A number is a number; any other text goes as typed, for the schema to refuse with its field.
                if (days.matches("\\d{1,9}")) {
                    row.put("days", Integer.parseInt(days));
                } else {
                    row.put("days", days);
                }
            }
            text(row, "means", value(prefix + "means"));
            text(row, "comments", value(prefix + "comments"));
            rows.add(row);
        }
        if (!rows.isEmpty()) {
            answers.putArray(id).addAll(rows);
        }
    }

    private static void text(ObjectNode into, String field, String value) {
        if (!value.isBlank()) {
            into.put(field, value.strip());
        }
    }

    /** Country codes as typed, separated by commas or spaces. */
    private static void countries(ObjectNode into, String field, String value) {
        if (value.isBlank()) {
            return;
        }
        ArrayNode list = into.putArray(field);
        for (String code : value.strip().split("[,\\s]+")) {
            list.add(code);
        }
    }
}
