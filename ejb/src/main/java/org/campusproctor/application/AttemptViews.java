package org.campusproctor.application;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.campusproctor.domain.attempt.Answer;
import org.campusproctor.domain.attempt.ExamAttempt;
import org.campusproctor.domain.attempt.Incident;
import org.campusproctor.domain.attempt.RiskScore;
import org.campusproctor.domain.attempt.TimelineEntry;
import org.campusproctor.domain.exam.Exam;
import org.campusproctor.domain.exam.Question;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds {@link AttemptView}s inside the services' transactions (shared plumbing, not a service). */
@Dependent
public class AttemptViews {

    @PersistenceContext
    private EntityManager em;

    public AttemptView of(ExamAttempt a, boolean staff) {
        em.flush(); // the version and scores as they will commit
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
                        x.awardedPoints(), x.needsGrading()))
                .toList();
        List<AttemptView.IncidentView> incidents = staff
                ? em.createNamedQuery(Incident.OF_ATTEMPT, Incident.class).setParameter("attemptId", a.id()).getResultStream()
                .map(i -> new AttemptView.IncidentView(i.id(), i.type(), i.source().name(), i.severity().name(),
                        i.occurredAt(), i.evidenceMediaIds(), i.scoresJson(), i.dismissed())).toList()
                : List.of();
        return new AttemptView(a.id(), exam.id(), exam.title(), a.candidate(), a.proctor(), a.status().name(),
                name(a.reviewStatus()), name(a.reviewDecision()), staff ? a.reviewReason() : null, a.startedAt(),
                a.deadline(), a.endedAt(), a.endReason(), a.remainingSeconds(now), a.totalAllowedSeconds(),
                a.pausedSeconds(), a.score(), a.maxScore(), a.gradingComplete(), a.outcome(exam.passingScore()).name(),
                staff ? a.riskScore() : 0, staff ? RiskScore.band(a.riskScore()) : null, a.version(),
                questions, answers, incidents);
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
