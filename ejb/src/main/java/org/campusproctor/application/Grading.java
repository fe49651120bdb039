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
import org.campusproctor.domain.attempt.ReviewStatus;
import org.campusproctor.domain.attempt.TimelineEntry;
import org.campusproctor.domain.exam.Exam;
import org.campusproctor.domain.identity.Role;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

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

    /** An essay answer awaiting its grade, as the grading list shows it (without the essay itself). */
    public record EssayToGrade(String attemptId, String questionId, String candidate, Instant submittedAt,
                               int position, String prompt, BigDecimal maxPoints) {
    }

    /** One essay to grade: the question, the candidate's text, the grade so far and the attempt's score. */
    public record Essay(String attemptId, String questionId, String candidate, String attemptStatus, String prompt,
                        BigDecimal maxPoints, String response, boolean awaitingGrade, BigDecimal awardedPoints,
                        String gradedBy, String comment, BigDecimal score, BigDecimal maxScore, boolean gradingComplete) {
    }

    // answers awaiting a grade on completed attempts of one exam; a voided result (FINAL, SUSPICIOUS) takes none
    private static final String AWAITING = " FROM Answer a, ExamAttempt t, Question q WHERE a.attemptId = t.id"
            + " AND a.questionId = q.id AND t.examId = :examId AND a.needsGrading = TRUE"
            + " AND (t.reviewStatus IS NULL OR t.reviewStatus <> :final OR t.reviewDecision IS NULL"
            + " OR t.reviewDecision <> :suspicious)";

    /** The essays of an exam still awaiting their grade, the earliest finished attempt first, paged on the server. */
    public Page<EssayToGrade> awaitingGrade(@NotBlank String examId, int page, int size) {
        Page.check(page, size);
        if (em.find(Exam.class, examId) == null) {
            throw new NotFoundException("Exam", examId);
        }
        long total = em.createQuery("SELECT COUNT(a)" + AWAITING, Long.class).setParameter("examId", examId)
                .setParameter("final", ReviewStatus.FINAL).setParameter("suspicious", ReviewStatus.SUSPICIOUS)
                .getSingleResult();
        List<EssayToGrade> items = em.createQuery("SELECT a.attemptId, a.questionId, t.candidate, t.endedAt,"
                        + " q.position, q.prompt, q.points" + AWAITING + " ORDER BY t.endedAt, t.id, q.position",
                        Object[].class)
                .setParameter("examId", examId).setParameter("final", ReviewStatus.FINAL)
                .setParameter("suspicious", ReviewStatus.SUSPICIOUS)
                .setFirstResult(page * size).setMaxResults(size).getResultStream()
                .map(r -> new EssayToGrade((String) r[0], (String) r[1], (String) r[2], (Instant) r[3], (Integer) r[4],
                        (String) r[5], (BigDecimal) r[6]))
                .toList();
        return new Page<>(items, total, page, size);
    }

    /** One answer of a completed attempt with its question, for grading (404 for an unknown attempt or answer). */
    public Essay essay(@NotBlank String attemptId, @NotBlank String questionId) {
        ExamAttempt attempt = em.find(ExamAttempt.class, attemptId);
        if (attempt == null) {
            throw new NotFoundException("Attempt", attemptId);
        }
        attempt.requireCompleted();
        Exam exam = em.find(Exam.class, attempt.examId());
        var question = exam.question(questionId);
        Answer answer = answer(attemptId, questionId);
        return new Essay(attemptId, questionId, attempt.candidate(), attempt.status().name(), question.prompt(),
                question.points(), answer.response(), answer.needsGrading(), answer.awardedPoints(), answer.gradedBy(),
                answer.graderComment(), attempt.score(), attempt.maxScore(), attempt.gradingComplete());
    }

    public AttemptView grade(@NotBlank String attemptId, @NotBlank String questionId, @NotNull BigDecimal points,
                             @Size(max = 2000) String comment) {
        ExamAttempt attempt = access.lock(attemptId);
        attempt.requireCompleted();
        Exam exam = em.find(Exam.class, attempt.examId());
        BigDecimal max = exam.question(questionId).points();
        Answer answer = answer(attemptId, questionId);
        attempt.requireGradable(answer.needsGrading());
        answer.grade(points, max, work.caller(), comment);
        scorer.score(attempt);
        work.log(attempt, TimelineEntry.Kind.GRADING, "GRADED", questionId + ": " + points);
        work.audit("ANSWER_GRADED", attemptId, questionId + " " + points + "/" + max);
        return work.view(attempt, true);
    }

    private Answer answer(String attemptId, String questionId) {
        return em.createNamedQuery(Answer.OF_ATTEMPT, Answer.class).setParameter("attemptId", attemptId)
                .getResultStream().filter(a -> a.questionId().equals(questionId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Answer to question", questionId));
    }
}
