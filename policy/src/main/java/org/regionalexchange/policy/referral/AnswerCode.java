package org.regionalexchange.policy.referral;

import java.util.Comparator;
import java.util.regex.Pattern;

import org.regionalexchange.policy.model.Require;

/**
 * One answer option as chosen in an interview: the question's id and the option's code, written
 * {@code reasonsForLeaving.PERSECUTION} or {@code forcedToLeave.YES}.
 */
public record AnswerCode(String question, String option) implements Comparable<AnswerCode> {
    static final Pattern QUESTION = Pattern.compile("[a-z][A-Za-z0-9]{0,39}");
    static final Pattern OPTION = Pattern.compile("[A-Z][A-Z0-9_]{0,49}");
    private static final Comparator<AnswerCode> ORDER = Comparator.comparing(AnswerCode::question)
            .thenComparing(AnswerCode::option);

    public AnswerCode {
        Require.present(question, "question id");
        Require.present(option, "option code");
        if (!QUESTION.matcher(question).matches()) {
            throw new IllegalArgumentException("Invalid question id '" + question
                    + "'; expected lowerCamelCase letters and digits, at most 40, e.g. reasonsForLeaving");
        }
        if (!OPTION.matcher(option).matches()) {
            throw new IllegalArgumentException("Invalid option code '" + option
                    + "'; expected UPPER_SNAKE_CASE, at most 50 characters, e.g. PERSECUTION");
        }
    }

    public static AnswerCode of(String question, String option) {
        return new AnswerCode(question, option);
    }

    /** Parses {@code question.OPTION}. */
    public static AnswerCode parse(String text) {
        int dot = text == null ? -1 : text.indexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("Invalid answer code '" + text
                    + "'; expected question.OPTION, e.g. reasonsForLeaving.PERSECUTION");
        }
        return new AnswerCode(text.substring(0, dot), text.substring(dot + 1));
    }

    @Override
    public int compareTo(AnswerCode other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return question + "." + option;
    }
}
