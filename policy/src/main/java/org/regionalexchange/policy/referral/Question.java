package org.regionalexchange.policy.referral;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.regionalexchange.policy.model.Require;

/**
 * One question of the questionnaire, in the order the person is asked.
 *
 * @param id      stable id, lowerCamelCase; it is the key of the answer in a screening
 * @param number  the question's number in Annex 1 (1, 2, ...)
 * @param details prompt for a free text that goes with the answer ("Specify if a person or authority has
 *                taken them or withheld them")
 * @param columns column heads of a {@link AnswerKind#JOURNEY} table; empty for other kinds
 * @param options the answer options of a coded question, in Annex 1's order; empty for other kinds
 */
public record Question(String id, int number, AnswerKind kind, Labels text, Optional<Labels> details,
                       List<Labels> columns, List<AnswerOption> options) {
    public Question {
        Require.present(id, "question id");
        if (!AnswerCode.QUESTION.matcher(id).matches()) {
            throw new IllegalArgumentException("Invalid question id '" + id
                    + "'; expected lowerCamelCase letters and digits, at most 40, e.g. reasonsForLeaving");
        }
        if (number < 1) {
            throw new IllegalArgumentException("Question " + id + " has number " + number + "; expected 1 or more");
        }
        Require.present(kind, "answer kind of question " + id);
        Require.present(text, "text of question " + id);
        Require.present(details, "details of question " + id + " (use Optional.empty())");
        columns = Require.list(columns, "columns of question " + id);
        options = Require.list(options, "options of question " + id);
        if ((kind == AnswerKind.JOURNEY) == columns.isEmpty()) {
            throw new IllegalArgumentException("Question " + id + " is " + kind
                    + "; expected columns for a JOURNEY question and for no other");
        }
        if (kind.isCoded() == options.isEmpty()) {
            throw new IllegalArgumentException("Question " + id + " is " + kind
                    + "; expected options for YES_NO and ANY_OF questions and for no other");
        }
        Set<String> codes = new HashSet<>();
        for (AnswerOption option : options) {
            if (!codes.add(option.code())) {
                throw new IllegalArgumentException("Question " + id + " has option " + option.code()
                        + " twice; expected each code once");
            }
            if (option.specify() && kind != AnswerKind.ANY_OF) {
                throw new IllegalArgumentException("Option " + id + "." + option.code()
                        + " asks to specify; expected that only in an ANY_OF question");
            }
        }
        if (kind == AnswerKind.YES_NO && !options.stream().map(AnswerOption::code).toList().equals(List.of("YES", "NO"))) {
            throw new IllegalArgumentException("Question " + id + " is YES_NO with options "
                    + options.stream().map(AnswerOption::code).toList() + "; expected exactly [YES, NO]");
        }
    }

    public Optional<AnswerOption> option(String code) {
        return options.stream().filter(o -> o.code().equals(code)).findFirst();
    }
}
