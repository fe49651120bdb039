package org.campusproctor.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
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

    public AttemptView view(@NotBlank String attemptId) {
        return views.of(access.staffToRead(attemptId), true);
    }

    public List<AttemptView.TimelineView> timeline(@NotBlank String attemptId) {
        access.staffToRead(attemptId);
        return views.timeline(attemptId);
    }

    /** The history of the attempt's answers: every applied autosave, of one question when questionId is given. */
    public List<AttemptView.AnswerRevisionView> answerRevisions(@NotBlank String attemptId, String questionId) {
        access.staffToRead(attemptId);
        return views.answerRevisions(attemptId, questionId);
    }
}
