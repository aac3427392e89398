package org.regionalexchange.gateway.screening;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.regionalexchange.gateway.audit.AccessAction;
import org.regionalexchange.gateway.audit.AccessEvent;
import org.regionalexchange.gateway.audit.AccessLog;
import org.regionalexchange.gateway.directory.ReferralGuide;
import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.error.FieldError;
import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.gateway.security.Officer;
import org.regionalexchange.policy.referral.Indicators;
import org.regionalexchange.policy.referral.ReferralEngine;
import org.regionalexchange.policy.referral.ScreeningAnswers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records and reads screening interviews of the caller's agency. The answers are checked against
 * the questionnaire before anything is stored; every recording, read and refusal is written to
 * the access log in the same transaction.
 */
@Service
class ScreeningService implements Screenings {

    /** How far ahead of the node's clock an interview may be dated (clocks of posts drift). */
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private final EntityManager em;
    private final AccessLog accessLog;
    private final NodeProperties node;
    private final ReferralEngine engine;
    private final ReferralGuide guide;
    private final java.time.Clock clock;

    ScreeningService(EntityManager em, AccessLog accessLog, NodeProperties node, ReferralEngine engine,
            ReferralGuide guide, java.time.Clock clock) {
        this.clock = clock;
        this.em = em;
        this.accessLog = accessLog;
        this.node = node;
        this.engine = engine;
        this.guide = guide;
    }

    @Transactional
    ObjectNode record(Officer screener, JsonNode interview) {
        ScreeningAnswers answers = InterviewReader.read(interview, engine.questionnaire());
        Instant interviewedAt = InterviewReader.interviewedAt(interview);
        Instant now = clock.instant();
        if (interviewedAt.isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw new ApiException(ErrorCode.INVALID_VALUE, "The interview is dated in the future.",
                    List.of(new FieldError("interviewedAt", "later than the node's clock")));
        }
        List<String> problems = engine.problems(answers);
        if (!problems.isEmpty()) {
            throw new ApiException(ErrorCode.SCREENING_ANSWERS_INVALID, problems.size()
                    + " answer(s) do not fit the questionnaire " + engine.questionnaire().id() + " version "
                    + engine.questionnaire().version() + "; nothing was stored.", InterviewReader.asFieldErrors(problems));
        }
        Screening screening = new Screening(UUID.randomUUID(), screener.agency(), screener.subject(), interviewedAt,
                engine.questionnaire().id(), engine.questionnaire().version(), interview, now);
        em.persist(screening);
        em.flush();
        log(screener, AccessAction.SCREENING_RECORDED, screening.id(), AccessEvent.OK, List.of());
        return view(screening, answers);
    }

    @Transactional(noRollbackFor = ApiException.class)
    ObjectNode read(Officer screener, UUID id) {
        Screening screening = em.find(Screening.class, id);
        if (screening == null || !screening.agency().equals(screener.agency())) {
            log(screener, AccessAction.ACCESS_REFUSED, id, AccessEvent.REFUSED,
                    List.of(screening == null ? "no_such_screening" : "screening_of_other_agency"));
            throw new ApiException(ErrorCode.NOT_FOUND, "No such screening of your agency.");
        }
        log(screener, AccessAction.SCREENING_READ, id, AccessEvent.OK, List.of());
        return view(screening, InterviewReader.read(screening.interview(), engine.questionnaire()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Interview> ofAgency(String agency, UUID screeningId) {
        Screening screening = em.find(Screening.class, screeningId);
        if (screening == null || !screening.agency().equals(agency)) {
            return Optional.empty();
        }
        JsonNode recorded = screening.interview();
        ScreeningAnswers answers = InterviewReader.read(recorded, engine.questionnaire());
        return Optional.of(new Interview(screening.id(), screening.interviewedAt(), answers,
                engine.indicators(answers, screening.interviewedAt()), recorded));
    }

    /** The interview with its indicators (judged on the interview's date), priority and suggestions. */
    private ObjectNode view(Screening screening, ScreeningAnswers answers) {
        Indicators indicators = engine.indicators(answers, screening.interviewedAt());
        return ScreeningView.of(screening, indicators, engine.priority(indicators),
                engine.suggestedReferrals(engine.screenedPerson(answers, screening.interviewedAt()), guide.guide()));
    }

    private void log(Officer officer, AccessAction action, UUID screeningId, String outcome, List<String> reasons) {
        accessLog.append(new AccessEvent(clock.instant(), officer.subject(), officer.agency(), node.id(), action,
                screeningId, outcome, reasons));
    }
}
