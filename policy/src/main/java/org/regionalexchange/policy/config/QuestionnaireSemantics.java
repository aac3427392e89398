package org.regionalexchange.policy.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Checks of the questionnaire file the schema cannot express. Each looks only at nodes of the expected type, so
 * it runs safely on a file the schema rejected and every error is reported in one pass.
 */
final class QuestionnaireSemantics {
    private QuestionnaireSemantics() {
    }

    static void check(YamlDocument document, List<ConfigError> errors) {
        Map<String, Integer> ids = new HashMap<>();
        var questions = document.root().path("questions");
        // A map where a list belongs is the schema's error; walking it by index would find nothing.
        for (int i = 0; questions.isArray() && i < questions.size(); i++) {
            var question = questions.get(i);
            if (!question.isObject()) {
                continue;
            }
            String at = "/questions/" + i;
            String id = question.path("id").asString("");
            if (!id.isEmpty() && ids.putIfAbsent(id, i + 1) != null) {
                errors.add(document.error(at + "/id", "question id '" + id + "' is used twice (first as question "
                        + ids.get(id) + "); expected each id once"));
            }
            if (question.path("number").isInt() && question.get("number").asInt() != i + 1) {
                errors.add(document.error(at + "/number", "question '" + id + "' is numbered "
                        + question.get("number").asInt() + " at position " + (i + 1)
                        + "; expected the questions numbered 1, 2, ... in the order they are asked"));
            }
            checkOptions(document, question, at, id, errors);
        }
    }

    private static void checkOptions(YamlDocument document, JsonNode question, String at,
                                     String id, List<ConfigError> errors) {
        var options = question.path("options");
        String kind = question.path("answer").asString("");
        Map<String, Integer> codes = new HashMap<>();
        StringBuilder all = new StringBuilder();
        for (int j = 0; options.isArray() && j < options.size(); j++) {
            var option = options.get(j);
            if (!option.isObject()) {
                continue;
            }
            String code = option.path("code").asString("");
            all.append(j == 0 ? "" : ",").append(code);
            if (!code.isEmpty() && codes.putIfAbsent(code, j + 1) != null) {
                errors.add(document.error(at + "/options/" + j + "/code", "option '" + code + "' of question '" + id
                        + "' is listed twice; expected each code once in a question"));
            }
            if (option.path("specify").asBoolean(false) && !kind.equals("ANY_OF")) {
                errors.add(document.error(at + "/options/" + j + "/specify", "option '" + code + "' of question '"
                        + id + "' asks to specify, but the question is " + kind
                        + "; expected \"specify\" only in ANY_OF questions"));
            }
        }
        if (kind.equals("YES_NO") && options.isArray() && !all.toString().equals("YES,NO")) {
            errors.add(document.error(at + "/options", "question '" + id + "' is YES_NO with options [" + all
                    + "]; expected exactly YES then NO"));
        }
    }
}
