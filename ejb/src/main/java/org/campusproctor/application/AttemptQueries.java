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
import org.campusproctor.domain.identity.Role;

import java.util.List;

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

    /** The history of the attempt's answers: every applied autosave, of one question when questionId is given. */
    public List<AttemptView.AnswerRevisionView> answerRevisions(@NotBlank String attemptId, String questionId) {
        access.staffToRead(attemptId);
        return views.answerRevisions(attemptId, questionId);
    }
}
