package org.regionalexchange.policy.referral;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.regionalexchange.policy.model.BirthDate;
import org.regionalexchange.policy.model.SpecificNeed;
import org.regionalexchange.policy.model.SubjectRecord;

/**
 * Computes the indicators of a person (docs/design.md §11). The marks are the Annex's, and the rule that every
 * marked answer raises its mark's indicator is here, not in the file: seed 000, Annex 1, footnote 1 ("*
 * Indicates that the person could be a refugee or a potential asylum seeker ... + Indicates that the person
 * could be a victim of trafficking"). A person who is or could be under 18 is a child (000 §4, "principle of
 * special protection for children and the principle of the best interest of the child"); a child without a
 * parent or legal representative is unaccompanied or separated (000 §3, §6.1).
 */
final class IndicatorRule {
    private IndicatorRule() {
    }

    static Indicators fromInterview(Questionnaire questionnaire, ScreeningAnswers answers, LocalDate date) {
        List<String> problems = questionnaire.problems(answers);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("The answers do not fit questionnaire " + questionnaire.id() + " v"
                    + questionnaire.version() + ": " + String.join("; ", problems));
        }
        List<IndicatorFinding> findings = new ArrayList<>();
        for (Question question : questionnaire.questions()) {
            for (AnswerOption option : question.options()) {
                AnswerCode code = new AnswerCode(question.id(), option.code());
                if (answers.chosen().contains(code)) {
                    for (Indicator indicator : option.raises()) {
                        findings.add(new IndicatorFinding(indicator, List.of(Ground.answer(code))));
                    }
                }
            }
        }
        PersonAsKnown person = answers.person();
        if (couldBeChild(person.dateOfBirth(), date)) {
            Ground age = Ground.dateOfBirth(person.dateOfBirth());
            findings.add(new IndicatorFinding(Indicator.CHILD, List.of(age)));
            if (person.accompaniment().leavesChildUnaccompaniedOrSeparated()) {
                findings.add(new IndicatorFinding(Indicator.UNACCOMPANIED_OR_SEPARATED_CHILD,
                        List.of(age, Ground.accompaniment(person.accompaniment()))));
            }
        }
        for (ObservedNeed need : answers.observedNeeds()) {
            Ground observed = Ground.observed(need);
            findings.add(new IndicatorFinding(need.indicator(), List.of(observed)));
            // An officer who sees an unaccompanied child sees a child, whatever date of birth was given.
            if (need == ObservedNeed.UNACCOMPANIED_OR_SEPARATED_CHILD) {
                findings.add(new IndicatorFinding(Indicator.CHILD, List.of(observed)));
            }
        }
        return Indicators.of(findings);
    }

    static Indicators fromRecord(SubjectRecord record, LocalDate date) {
        List<IndicatorFinding> findings = new ArrayList<>();
        if (couldBeChild(record.dateOfBirth(), date)) {
            findings.add(new IndicatorFinding(Indicator.CHILD, List.of(Ground.dateOfBirth(record.dateOfBirth()))));
        }
        for (SpecificNeed need : record.specificNeeds()) {
            Ground held = Ground.onRecord(need);
            for (Indicator indicator : indicatorsOf(need)) {
                findings.add(new IndicatorFinding(indicator, List.of(held)));
            }
        }
        return Indicators.of(findings);
    }

    /** The record's specific-needs codes in the words of the indicators. */
    static List<Indicator> indicatorsOf(SpecificNeed need) {
        return switch (need) {
            case UNACCOMPANIED_CHILD, SEPARATED_CHILD -> List.of(Indicator.UNACCOMPANIED_OR_SEPARATED_CHILD, Indicator.CHILD);
            case TRAFFICKING_VICTIM -> List.of(Indicator.POTENTIAL_TRAFFICKING_VICTIM);
            case SGBV_SURVIVOR, TORTURE_SURVIVOR -> List.of(Indicator.VICTIM_OF_VIOLENCE_OR_TORTURE);
            case DISABILITY -> List.of(Indicator.DISABILITY);
            case SERIOUS_MEDICAL_CONDITION -> List.of(Indicator.SERIOUS_MEDICAL_CONDITION);
            case WOMAN_AT_RISK -> List.of(Indicator.WOMAN_AT_RISK);
            case ELDERLY -> List.of(Indicator.ELDERLY);
        };
    }

    /** An unknown date of birth, or a partial one whose latest possible day gives under 18, is a possible child. */
    static boolean couldBeChild(Optional<BirthDate> dateOfBirth, LocalDate date) {
        return dateOfBirth.map(b -> b.couldBeChildOn(date)).orElse(true);
    }
}
