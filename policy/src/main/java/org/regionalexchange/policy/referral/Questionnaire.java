package org.regionalexchange.policy.referral;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.regionalexchange.policy.model.Require;

/**
 * The screening questionnaire as data (seed 000, Annex 1 "Sample questions to identify persons in need of
 * international protection"): its questions in the order the person is asked, their answer options with the
 * Annex's {@code *} and {@code +} marks, and every text in each language. Loaded from a versioned file checked
 * against {@code schemas/v1/screening-questionnaire.json} ({@code config.QuestionnaireFileLoader}).
 *
 * @param id      e.g. {@code annex1}
 * @param version the file's version; a screening records which version it was asked with
 * @param legend  the meaning of each mark, as Annex 1's footnote words it, in each language
 */
public record Questionnaire(String id, int version, Labels title, Map<Mark, Labels> legend, List<Question> questions) {
    public Questionnaire {
        Require.nonBlank(id, "questionnaire id", 40);
        if (version < 1) {
            throw new IllegalArgumentException("Questionnaire version " + version + "; expected 1 or more");
        }
        Require.present(title, "questionnaire title");
        Require.present(legend, "legend");
        EnumMap<Mark, Labels> legendCopy = new EnumMap<>(Mark.class);
        legendCopy.putAll(legend);
        if (legendCopy.size() != Mark.values().length) {
            throw new IllegalArgumentException("Legend explains " + legendCopy.keySet() + "; expected both marks * and +");
        }
        legend = Collections.unmodifiableMap(legendCopy);
        questions = Require.list(questions, "questions");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            Question question = questions.get(i);
            if (!ids.add(question.id())) {
                throw new IllegalArgumentException("Question id '" + question.id() + "' is used twice; expected each once");
            }
            if (question.number() != i + 1) {
                throw new IllegalArgumentException("Question " + question.id() + " has number " + question.number()
                        + " at position " + (i + 1) + "; expected the questions numbered 1, 2, ... in order");
            }
        }
    }

    public Optional<Question> question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    public Optional<AnswerOption> option(AnswerCode code) {
        return question(code.question()).flatMap(q -> q.option(code.option()));
    }

    /** Every answer option of every coded question, in the order the person is asked. */
    public List<AnswerCode> answerCodes() {
        List<AnswerCode> codes = new ArrayList<>();
        for (Question question : questions) {
            for (AnswerOption option : question.options()) {
                codes.add(new AnswerCode(question.id(), option.code()));
            }
        }
        return codes;
    }

    /** The languages every text of the questionnaire is written in. */
    public Set<String> languages() {
        Set<String> languages = new TreeSet<>(title.languages());
        legend.values().forEach(l -> languages.retainAll(l.languages()));
        for (Question question : questions) {
            languages.retainAll(question.text().languages());
            question.details().ifPresent(d -> languages.retainAll(d.languages()));
            question.columns().forEach(c -> languages.retainAll(c.languages()));
            question.options().forEach(o -> languages.retainAll(o.label().languages()));
        }
        return Collections.unmodifiableSet(languages);
    }

    /**
     * What the answers of one interview do not fit in this questionnaire: unknown questions or options, a
     * coded answer to a question that takes none, both YES and NO, an "other (specify)" option without its
     * text, or a text for an option that was not chosen or takes none. Empty when the answers fit.
     */
    public List<String> problems(ScreeningAnswers answers) {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> chosenPerQuestion = new TreeMap<>();
        for (AnswerCode code : answers.chosen()) {
            Optional<Question> question = question(code.question());
            if (question.isEmpty()) {
                problems.add("answer " + code + ": no question '" + code.question() + "' in questionnaire "
                        + id + " v" + version);
                continue;
            }
            if (!question.get().kind().isCoded()) {
                problems.add("answer " + code + ": question " + code.question() + " is " + question.get().kind()
                        + " and takes no option code");
                continue;
            }
            if (question.get().option(code.option()).isEmpty()) {
                problems.add("answer " + code + ": unknown option; expected one of "
                        + question.get().options().stream().map(AnswerOption::code).toList());
                continue;
            }
            chosenPerQuestion.merge(code.question(), 1, Integer::sum);
            if (question.get().option(code.option()).get().specify() && !answers.specified().containsKey(code)) {
                problems.add("answer " + code + ": the option asks to specify; expected its text");
            }
        }
        chosenPerQuestion.forEach((questionId, count) -> {
            if (count > 1 && question(questionId).get().kind() == AnswerKind.YES_NO) {
                problems.add("answer " + questionId + ": both YES and NO; expected one");
            }
        });
        for (AnswerCode code : answers.specified().keySet()) {
            if (!answers.chosen().contains(code)) {
                problems.add("text for " + code + ": the option is not chosen");
            } else if (option(code).map(o -> !o.specify()).orElse(false)) {
                problems.add("text for " + code + ": the option takes no text; expected texts only for"
                        + " \"other (specify)\" options");
            }
        }
        return problems;
    }
}
