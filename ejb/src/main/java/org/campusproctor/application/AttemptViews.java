package org.campusproctor.application;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.campusproctor.domain.attempt.Answer;
import org.campusproctor.domain.attempt.AnswerRevision;
import org.campusproctor.domain.attempt.ExamAttempt;
import org.campusproctor.domain.attempt.Incident;
import org.campusproctor.domain.attempt.ReviewStatus;
import org.campusproctor.domain.attempt.RiskScore;
import org.campusproctor.domain.attempt.TimelineEntry;
import org.campusproctor.domain.exam.Exam;
import org.campusproctor.domain.exam.Question;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@link AttemptView}s inside the services' transactions (shared plumbing, not a service). The candidate's
 * view carries no score, points, review decision or outcome until the result is released
 * ({@link ExamAttempt#resultReleased}); staff views carry everything.
 */
@Dependent
public class AttemptViews {

    @PersistenceContext
    private EntityManager em;

    public AttemptView of(ExamAttempt a, boolean staff) {
        em.flush(); // the version and scores as they will commit
        boolean released = staff || a.resultReleased();
        Exam exam = em.find(Exam.class, a.examId());
        Instant now = Instant.now();
        List<AttemptView.QuestionView> questions = new ArrayList<>();
        int number = 1;
        for (Question q : exam.questionsInOrder(a.shuffleSeed())) {
            questions.add(new AttemptView.QuestionView(q.id(), number++, q.type().name(), q.prompt(), q.points(),
                    q.choices(), exam.choiceOrder(q, a.shuffleSeed())));
        }
        List<AttemptView.AnswerView> answers = em.createNamedQuery(Answer.OF_ATTEMPT, Answer.class)
                .setParameter("attemptId", a.id()).getResultStream()
                .map(x -> new AttemptView.AnswerView(x.questionId(), x.response(), x.sequence(), x.saveId(), x.savedAt(),
                        released ? x.awardedPoints() : null, released && x.needsGrading()))
                .toList();
        List<AttemptView.IncidentView> incidents = staff
                ? em.createNamedQuery(Incident.OF_ATTEMPT, Incident.class).setParameter("attemptId", a.id()).getResultStream()
                .map(i -> new AttemptView.IncidentView(i.id(), i.type(), i.source().name(), i.severity().name(),
                        i.occurredAt(), i.evidenceMediaIds(), i.scoresJson(), i.dismissed())).toList()
                : List.of();
        // a candidate learns that a review is pending, never its interim decision (CLEARED, SUSPICIOUS)
        String reviewStatus = released || a.reviewStatus() == null ? name(a.reviewStatus()) : ReviewStatus.PENDING_REVIEW.name();
        ExamAttempt.Outcome outcome = staff ? a.outcome(exam.passingScore()) : a.outcomeForCandidate(exam.passingScore());
        return new AttemptView(a.id(), exam.id(), exam.title(), a.candidate(), a.proctor(), a.status().name(),
                reviewStatus, released ? name(a.reviewDecision()) : null, staff ? a.reviewReason() : null, a.startedAt(),
                a.deadline(), a.endedAt(), a.endReason(), a.remainingSeconds(now), a.totalAllowedSeconds(),
                a.pausedSeconds(), released ? a.score() : null, released ? a.maxScore() : null,
                released && a.gradingComplete(), outcome.name(),
                staff ? a.riskScore() : 0, staff ? RiskScore.band(a.riskScore()) : null, a.version(),
                questions, answers, incidents, identityCheck(a, staff));
    }

    private static AttemptView.IdentityCheckView identityCheck(ExamAttempt a, boolean staff) {
        return new AttemptView.IdentityCheckView(a.identityCheckRequired(), name(a.identityCheckOutcome()),
                a.identityCheckRequired() && a.identityCheckAwaitsProctor(),
                a.identityPhotoCount(), Math.max(0, FaceChecks.MAX_IDENTITY_PHOTOS - a.identityPhotoCount()),
                a.identityPhotoMediaId(), staff ? a.identityMatchDistance() : null, staff ? a.identityMatchThreshold() : null,
                staff ? a.identityVerifiedBy() : null, name(a.identityVerifiedMethod()), a.identityVerifiedAt());
    }

    /** The attempt as a row of its exam's list of attempts (staff), judged against the exam's passing score. */
    public AttemptView.SummaryView summary(ExamAttempt a, java.math.BigDecimal passingScore) {
        return new AttemptView.SummaryView(a.id(), a.candidate(), a.proctor(), a.status().name(), a.startedAt(),
                a.endedAt(), a.score(), a.maxScore(), a.score() == null ? null : a.percent(),
                a.outcome(passingScore).name(), name(a.reviewStatus()), a.riskScore(), RiskScore.band(a.riskScore()));
    }

    /** Every applied save of the attempt's answers (of one question when questionId is given), for reviewers. */
    public List<AttemptView.AnswerRevisionView> answerRevisions(String attemptId, String questionId) {
        var query = questionId == null
                ? em.createNamedQuery(AnswerRevision.OF_ATTEMPT, AnswerRevision.class)
                : em.createNamedQuery(AnswerRevision.OF_QUESTION, AnswerRevision.class).setParameter("questionId", questionId);
        return query.setParameter("attemptId", attemptId).getResultStream()
                .map(r -> new AttemptView.AnswerRevisionView(r.questionId(), r.sequence(), r.saveId(), r.response(), r.savedAt()))
                .toList();
    }

    public List<AttemptView.TimelineView> timeline(String attemptId) {
        return em.createNamedQuery(TimelineEntry.OF_ATTEMPT, TimelineEntry.class).setParameter("attemptId", attemptId)
                .getResultStream()
                .map(t -> new AttemptView.TimelineView(t.at(), t.actor(), t.kind().name(), t.action(), t.detail()))
                .toList();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
