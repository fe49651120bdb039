package org.campusproctor.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.campusproctor.domain.NotFoundException;
import org.campusproctor.domain.attempt.Answer;
import org.campusproctor.domain.attempt.ExamAttempt;
import org.campusproctor.domain.attempt.TimelineEntry;
import org.campusproctor.domain.exam.Exam;
import org.campusproctor.domain.identity.Role;

import java.math.BigDecimal;

/**
 * Manual grading of essays (or overriding an automatic score) on completed attempts, until the review is FINAL;
 * after it only answers still awaiting their grade, and never once the result is released.
 */
@Stateless
@RolesAllowed({Role.REGISTRAR_NAME, Role.ADMIN_NAME})
public class Grading {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AttemptAccess access;

    @Inject
    private AttemptWork work;

    @Inject
    private AttemptScorer scorer;

    public AttemptView grade(@NotBlank String attemptId, @NotBlank String questionId, @NotNull BigDecimal points,
                             @Size(max = 2000) String comment) {
        ExamAttempt attempt = access.lock(attemptId);
        attempt.requireCompleted();
        Exam exam = em.find(Exam.class, attempt.examId());
        BigDecimal max = exam.question(questionId).points();
        Answer answer = em.createNamedQuery(Answer.OF_ATTEMPT, Answer.class).setParameter("attemptId", attemptId)
                .getResultStream().filter(a -> a.questionId().equals(questionId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Answer to question", questionId));
        attempt.requireGradable(answer.needsGrading());
        answer.grade(points, max, work.caller(), comment);
        scorer.score(attempt);
        work.log(attempt, TimelineEntry.Kind.GRADING, "GRADED", questionId + ": " + points);
        work.audit("ANSWER_GRADED", attemptId, questionId + " " + points + "/" + max);
        return work.view(attempt, true);
    }
}
