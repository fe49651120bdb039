package org.campusproctor.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import org.campusproctor.domain.NotFoundException;
import org.campusproctor.domain.attempt.ExamAttempt;
import org.campusproctor.domain.identity.Role;

import java.util.List;

/**
 * Staff read side: an attempt with incidents and score, its timeline and its answers' revisions. Candidates use
 * CandidateAttempts.view.
 */
@Stateless
@RolesAllowed({Role.PROCTOR_NAME, Role.REGISTRAR_NAME, Role.ADMIN_NAME})
public class AttemptQueries {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AttemptViews views;

    public AttemptView view(@NotBlank String attemptId) {
        return views.of(attempt(attemptId), true);
    }

    public List<AttemptView.TimelineView> timeline(@NotBlank String attemptId) {
        attempt(attemptId);
        return views.timeline(attemptId);
    }

    /** The history of the attempt's answers: every applied autosave, of one question when questionId is given. */
    public List<AttemptView.AnswerRevisionView> answerRevisions(@NotBlank String attemptId, String questionId) {
        attempt(attemptId);
        return views.answerRevisions(attemptId, questionId);
    }

    private ExamAttempt attempt(String attemptId) {
        ExamAttempt attempt = em.find(ExamAttempt.class, attemptId);
        if (attempt == null) {
            throw new NotFoundException("Attempt", attemptId);
        }
        return attempt;
    }
}
