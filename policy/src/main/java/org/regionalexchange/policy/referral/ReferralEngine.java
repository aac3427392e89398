package org.regionalexchange.policy.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.regionalexchange.policy.model.SubjectRecord;

/**
 * Identification and referral at the border (docs/design.md §11; seed 000 §5-§6, Annexes 1 and 2; seed 002).
 * Built once from the questionnaire and the node's time zone; immutable and thread-safe. Every method is
 * deterministic, does no I/O and takes the instant it judges as an argument; ages are judged on that instant's
 * date in the time zone (the policy file's {@code timeZone}).
 *
 * <p>In the order the gateway meets them: {@link #problems} and {@link #indicators} when a screening is
 * recorded, {@link #priority} and {@link #suggestedReferrals} for its answer, then {@link #screenedPerson} or
 * {@link #recordedPerson} and {@link #decide} when a referral is sent.
 */
public final class ReferralEngine {
    private final Questionnaire questionnaire;
    private final ZoneId timeZone;

    private ReferralEngine(Questionnaire questionnaire, ZoneId timeZone) {
        this.questionnaire = Objects.requireNonNull(questionnaire, "questionnaire");
        this.timeZone = Objects.requireNonNull(timeZone, "timeZone");
    }

    public static ReferralEngine of(Questionnaire questionnaire, ZoneId timeZone) {
        return new ReferralEngine(questionnaire, timeZone);
    }

    public Questionnaire questionnaire() {
        return questionnaire;
    }

    /** What in the answers does not fit the questionnaire; the gateway refuses a screening that has any. */
    public List<String> problems(ScreeningAnswers answers) {
        return questionnaire.problems(Objects.requireNonNull(answers, "answers"));
    }

    /**
     * The indicators of one interview, each with the answers and facts that raised it.
     *
     * @param interviewedAt the child indicators are judged on this instant's date
     * @throws IllegalArgumentException if the answers do not fit the questionnaire ({@link #problems})
     */
    public Indicators indicators(ScreeningAnswers answers, Instant interviewedAt) {
        return IndicatorRule.fromInterview(questionnaire, Objects.requireNonNull(answers, "answers"), date(interviewedAt));
    }

    /** The indicators of a person known from a record: age and the record's specific needs. */
    public Indicators indicators(SubjectRecord record, Instant at) {
        return IndicatorRule.fromRecord(Objects.requireNonNull(record, "record"), date(at));
    }

    /** {@code URGENT}, {@code HIGH} or {@code NORMAL} ({@code PriorityRule}). */
    public Priority priority(Indicators indicators) {
        return PriorityRule.of(Objects.requireNonNull(indicators, "indicators"));
    }

    /** The person of a referral from a screening, with the interview's indicators. */
    public ReferredPerson screenedPerson(ScreeningAnswers answers, Instant interviewedAt) {
        return ReferredPerson.screened(answers, indicators(answers, interviewedAt));
    }

    /** The person of a referral from a record, with the record's indicators at that instant. */
    public ReferredPerson recordedPerson(SubjectRecord record, Instant at) {
        return ReferredPerson.recorded(record, indicators(record, at));
    }

    /**
     * The referrals the directory offers for the person, most urgent first; never an agency of a country of
     * origin; UNHCR's office always.
     */
    public ReferralSuggestions suggestedReferrals(ReferredPerson person, ReferralDirectory directory) {
        return SuggestionRule.suggest(Objects.requireNonNull(person, "person"),
                Objects.requireNonNull(directory, "directory"));
    }

    /** Whether the referral may be sent, on what basis and carrying what; or why not. */
    public ReferralDecision decide(ReferralRequest request, Instant now) {
        return ReferralRule.decide(Objects.requireNonNull(request, "request"), date(now));
    }

    private LocalDate date(Instant instant) {
        return LocalDate.ofInstant(Objects.requireNonNull(instant, "instant"), timeZone);
    }
}
