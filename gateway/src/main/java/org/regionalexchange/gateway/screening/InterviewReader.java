package org.regionalexchange.gateway.screening;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.error.FieldError;
import org.regionalexchange.gateway.validation.CountryCodes;
import org.regionalexchange.policy.model.BirthDate;
import org.regionalexchange.policy.model.CountryCode;
import org.regionalexchange.policy.referral.Accompaniment;
import org.regionalexchange.policy.referral.AnswerCode;
import org.regionalexchange.policy.referral.AnswerOption;
import org.regionalexchange.policy.referral.ObservedNeed;
import org.regionalexchange.policy.referral.PersonAsKnown;
import org.regionalexchange.policy.referral.Questionnaire;
import org.regionalexchange.policy.referral.ScreeningAnswers;

import tools.jackson.databind.JsonNode;

/**
 * Reads an interview (schema {@code screening.json}) into the policy's {@link ScreeningAnswers}
 * (docs/policy.md §10.6): a YES_NO answer {@code forcedToLeave: true} is the code
 * {@code forcedToLeave.YES}, an ANY_OF answer {@code reasonsForLeaving: ["PERSECUTION"]} the code
 * {@code reasonsForLeaving.PERSECUTION}; dates, the transit table and the final destination are
 * kept as given (the rules do not judge them). Whether the codes fit the questionnaire is the
 * policy's {@code problems}, not this reader's.
 */
final class InterviewReader {

    /** Answers that are not option codes of their question. */
    private static final Set<String> NOT_CODES = Set.of("leftOn", "journeyStart", "transit", "finalDestination",
            "countriesFled", "countriesFeared", "specify", "details");

    private InterviewReader() {
    }

    /** @throws ApiException {@code invalid_value} for an unknown country code or an impossible date */
    static ScreeningAnswers read(JsonNode interview, Questionnaire questionnaire) {
        checkValues(interview);
        JsonNode person = interview.path("person");
        JsonNode answers = interview.path("answers");
        Optional<BirthDate> dateOfBirth = birthDate(person.get("dateOfBirth"));
        Accompaniment accompaniment = person.has("accompaniment")
                ? Accompaniment.valueOf(person.get("accompaniment").asString()) : Accompaniment.UNKNOWN;
        PersonAsKnown known = new PersonAsKnown(dateOfBirth, countries(person.get("nationalities")),
                countries(person.get("formerHabitualResidences")), accompaniment);
        Set<AnswerCode> chosen = new TreeSet<>();
        for (Map.Entry<String, JsonNode> answer : answers.properties()) {
            if (NOT_CODES.contains(answer.getKey())) {
                continue;
            }
            JsonNode value = answer.getValue();
            if (value.isBoolean()) {
                chosen.add(AnswerCode.of(answer.getKey(), value.asBoolean() ? "YES" : "NO"));
            } else {
                value.forEach(option -> chosen.add(AnswerCode.of(answer.getKey(), option.asString())));
            }
        }
        Map<AnswerCode, String> specified = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> text : answers.path("specify").properties()) {
            specified.put(specifyOption(questionnaire, text.getKey()), text.getValue().asString());
        }
        Optional<CountryCode> journeyStart = Optional.ofNullable(answers.get("journeyStart"))
                .map(node -> CountryCode.of(node.asString()));
        Set<ObservedNeed> needs = EnumSet.noneOf(ObservedNeed.class);
        interview.path("specificNeeds").forEach(need -> needs.add(ObservedNeed.parse(need.asString())));
        return new ScreeningAnswers(known, chosen, specified, journeyStart, countries(answers.get("countriesFled")),
                countries(answers.get("countriesFeared")), needs);
    }

    /** The instant of the interview (the schema checked its format). */
    static Instant interviewedAt(JsonNode interview) {
        try {
            return Instant.parse(interview.get("interviewedAt").asString());
        } catch (DateTimeParseException e) {
            // RFC 3339 allows offsets Instant.parse reads since Java 12; anything else is refused, not guessed.
            throw new ApiException(ErrorCode.INVALID_VALUE, "The interview's time is not acceptable.",
                    List.of(new FieldError("interviewedAt", "expected an RFC 3339 date-time, e.g. 2026-11-30T08:15:00Z")));
        }
    }

    /**
     * The code a "specify" text belongs to: the question's option that takes a text (its "Other
     * (specify)"), or {@code OTHER} for a question without one, which the questionnaire then refuses.
     */
    private static AnswerCode specifyOption(Questionnaire questionnaire, String questionId) {
        String option = questionnaire.question(questionId).stream()
                .flatMap(question -> question.options().stream())
                .filter(AnswerOption::specify)
                .map(AnswerOption::code)
                .findFirst().orElse("OTHER");
        return AnswerCode.of(questionId, option);
    }

    private static void checkValues(JsonNode interview) {
        List<FieldError> errors = CountryCodes.errors();
        JsonNode person = interview.path("person");
        CountryCodes.check("person.nationalities", person.get("nationalities"), errors);
        CountryCodes.check("person.formerHabitualResidences", person.get("formerHabitualResidences"), errors);
        JsonNode answers = interview.path("answers");
        for (String field : List.of("journeyStart", "finalDestination", "countriesFled", "countriesFeared")) {
            CountryCodes.check("answers." + field, answers.get(field), errors);
        }
        JsonNode transit = answers.path("transit");
        for (int i = 0; i < transit.size(); i++) {
            CountryCodes.check("answers.transit[" + i + "].country", transit.get(i).get("country"), errors);
        }
        if (person.has("dateOfBirth") && BirthDate.tryParse(person.get("dateOfBirth").asString()).isEmpty()) {
            errors.add(new FieldError("person.dateOfBirth", "not a date that exists"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_VALUE, errors.size() + " value(s) of the interview are not acceptable.",
                    errors);
        }
        interviewedAt(interview);
    }

    private static Optional<BirthDate> birthDate(JsonNode value) {
        return value == null ? Optional.empty() : BirthDate.tryParse(value.asString());
    }

    private static Set<CountryCode> countries(JsonNode values) {
        Set<CountryCode> countries = new TreeSet<>();
        if (values != null) {
            values.forEach(value -> countries.add(CountryCode.of(value.asString())));
        }
        return countries;
    }

    /** The problems of the questionnaire, as field errors of {@code answers}. */
    static List<FieldError> asFieldErrors(List<String> problems) {
        List<FieldError> errors = new ArrayList<>();
        problems.forEach(problem -> errors.add(new FieldError("answers", problem)));
        return errors;
    }
}
