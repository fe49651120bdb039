package org.campusproctor.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.constraints.NotBlank;
import org.campusproctor.domain.attempt.AttemptStatus;
import org.campusproctor.domain.attempt.ExamAttempt;
import org.campusproctor.domain.NotFoundException;
import org.campusproctor.domain.exam.Exam;
import org.campusproctor.domain.identity.Role;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Staff read side: an attempt with incidents and score, its timeline and its answers' revisions, within the caller's
 * scope ({@link AttemptAccess#staffToRead}). Candidates use CandidateAttempts.view.
 */
@Stateless
@RolesAllowed({Role.PROCTOR_NAME, Role.REGISTRAR_NAME, Role.ADMIN_NAME})
public class AttemptQueries {

    @Inject
    private AttemptAccess access;

    @Inject
    private AttemptViews views;

    @PersistenceContext
    private EntityManager em;

    /** Most identity checks one call lists (oldest first). */
    public static final int MAX_IDENTITY_CHECKS = 100;

    public AttemptView view(@NotBlank String attemptId) {
        return views.of(access.staffToRead(attemptId), true);
    }

    public List<AttemptView.TimelineView> timeline(@NotBlank String attemptId) {
        access.staffToRead(attemptId);
        return views.timeline(attemptId);
    }

    /**
     * The proctor's approval queue: attempts in IDENTITY_CHECK the caller may approve (their assigned ones; every one
     * for admins), oldest first, at most {@link #MAX_IDENTITY_CHECKS}; each with its {@code identityCheck}.
     */
    public List<AttemptView> awaitingIdentityApproval() {
        AttemptAccess.StaffScope scope = access.scope(true);
        if (!scope.everyAttempt() && scope.proctor() == null) {
            return List.of();
        }
        TypedQuery<ExamAttempt> q = scope.everyAttempt()
                ? em.createNamedQuery(ExamAttempt.IN_STATUS, ExamAttempt.class)
                : em.createNamedQuery(ExamAttempt.IN_STATUS_OF_PROCTOR, ExamAttempt.class).setParameter("proctor", scope.proctor());
        return q.setParameter("status", AttemptStatus.IDENTITY_CHECK).setMaxResults(MAX_IDENTITY_CHECKS).getResultList()
                .stream().map(a -> views.of(a, true)).toList();
    }

    /**
     * The exam's attempts in the caller's scope (registrars and admins: all; a proctor: those assigned to them), oldest
     * first, one page of them.
     */
    public Page<AttemptView.SummaryView> ofExam(@NotBlank String examId, int page, int size) {
        Page.check(page, size);
        Exam exam = exam(examId);
        AttemptAccess.StaffScope scope = access.scope(false);
        if (!scope.everyAttempt() && scope.proctor() == null) {
            return new Page<>(List.of(), 0, page, size);
        }
        String where = " FROM ExamAttempt a WHERE a.examId = :examId" + (scope.everyAttempt() ? "" : " AND a.proctor = :proctor");
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(a)" + where, Long.class).setParameter("examId", examId);
        TypedQuery<ExamAttempt> items = em.createQuery("SELECT a" + where + " ORDER BY a.createdAt, a.id", ExamAttempt.class)
                .setParameter("examId", examId).setFirstResult(page * size).setMaxResults(size);
        if (!scope.everyAttempt()) {
            count.setParameter("proctor", scope.proctor());
            items.setParameter("proctor", scope.proctor());
        }
        return new Page<>(items.getResultStream().map(a -> views.summary(a, exam.passingScore())).toList(),
                count.getSingleResult(), page, size);
    }

    /**
     * How many attempts of the exam are in each status (every attempt: counts name no candidate), in the order of the
     * lifecycle; statuses without attempts are left out.
     */
    @RolesAllowed({Role.REGISTRAR_NAME, Role.ADMIN_NAME})
    public Map<String, Long> statusCounts(@NotBlank String examId) {
        exam(examId);
        Map<AttemptStatus, Long> counts = new EnumMap<>(AttemptStatus.class);
        em.createNamedQuery(ExamAttempt.STATUS_COUNTS_FOR_EXAM, Object[].class).setParameter("examId", examId)
                .getResultStream().forEach(row -> counts.put((AttemptStatus) row[0], ((Number) row[1]).longValue()));
        Map<String, Long> byName = new LinkedHashMap<>();
        counts.forEach((status, n) -> byName.put(status.name(), n));
        return byName;
    }

    private Exam exam(String examId) {
        Exam exam = em.find(Exam.class, examId);
        if (exam == null) {
            throw new NotFoundException("Exam", examId);
        }
        return exam;
    }

    /** The history of the attempt's answers: every applied autosave, of one question when questionId is given. */
    public List<AttemptView.AnswerRevisionView> answerRevisions(@NotBlank String attemptId, String questionId) {
        access.staffToRead(attemptId);
        return views.answerRevisions(attemptId, questionId);
    }
}
