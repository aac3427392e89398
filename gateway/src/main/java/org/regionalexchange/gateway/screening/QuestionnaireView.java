package org.regionalexchange.gateway.screening;

import org.regionalexchange.gateway.validation.JsonText;
import org.regionalexchange.policy.referral.AnswerOption;
import org.regionalexchange.policy.referral.Labels;
import org.regionalexchange.policy.referral.Question;
import org.regionalexchange.policy.referral.Questionnaire;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Annex 1 questionnaire as data, in one language (docs/policy.md §10.6): its questions in the
 * order they are asked, each option's code, label and {@code *}/{@code +} marks, so that a console
 * or a printed form asks exactly what the policy judges.
 */
final class QuestionnaireView {

    private QuestionnaireView() {
    }

    static ObjectNode of(Questionnaire questionnaire, String language) {
        ObjectNode view = JsonText.mapper().createObjectNode();
        view.put("id", questionnaire.id());
        view.put("version", questionnaire.version());
        view.put("language", language);
        ArrayNode languages = view.putArray("languages");
        questionnaire.languages().stream().sorted().forEach(languages::add);
        view.put("title", text(questionnaire.title(), language));
        ObjectNode legend = view.putObject("legend");
        questionnaire.legend().forEach((mark, labels) -> legend.put(mark.symbol(), text(labels, language)));
        ArrayNode questions = view.putArray("questions");
        for (Question question : questionnaire.questions()) {
            ObjectNode item = questions.addObject();
            item.put("id", question.id());
            item.put("number", question.number());
            item.put("answer", question.kind().name());
            item.put("text", text(question.text(), language));
            question.details().ifPresent(details -> item.put("details", text(details, language)));
            if (!question.columns().isEmpty()) {
                ArrayNode columns = item.putArray("columns");
                question.columns().forEach(column -> columns.add(text(column, language)));
            }
            if (!question.options().isEmpty()) {
                ArrayNode options = item.putArray("options");
                for (AnswerOption option : question.options()) {
                    ObjectNode entry = options.addObject();
                    entry.put("code", option.code());
                    entry.put("label", text(option.label(), language));
                    ArrayNode marks = entry.putArray("marks");
                    option.marks().forEach(mark -> marks.add(mark.symbol()));
                    if (option.specify()) {
                        entry.put("specify", true);
                    }
                }
            }
        }
        return view;
    }

    /** Every text of the questionnaire has every language it lists (the loader checks it). */
    private static String text(Labels labels, String language) {
        return labels.in(language).orElseThrow();
    }
}
