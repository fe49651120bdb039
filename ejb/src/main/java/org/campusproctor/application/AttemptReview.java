package org.campusproctor.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.campusproctor.domain.attempt.ExamAttempt;
import org.campusproctor.domain.attempt.TimelineEntry;
import org.campusproctor.domain.identity.Role;

import java.time.Instant;

/**
 * Reviewers decide on completed attempts: the only way an outcome is released or voided. A proctor reviews the
 * attempts assigned to them, an admin any ({@link AttemptAccess#assigned}).
 */
@Stateless
@RolesAllowed({Role.PROCTOR_NAME, Role.ADMIN_NAME})
public class AttemptReview {

    @Inject
    private AttemptAccess access;

    @Inject
    private AttemptWork work;

    @Inject
    private IncidentReporting incidents;

    public AttemptView clear(@NotBlank String attemptId) {
        ExamAttempt attempt = access.assigned(attemptId);
        attempt.clear(work.caller(), Instant.now());
        return decided(attempt, "CLEARED", null);
    }

    public AttemptView markSuspicious(@NotBlank String attemptId, @NotBlank @Size(max = 2000) String reason) {
        ExamAttempt attempt = access.assigned(attemptId);
        attempt.markSuspicious(work.caller(), reason, Instant.now());
        return decided(attempt, "SUSPICIOUS", reason);
    }

    public AttemptView finalizeReview(@NotBlank String attemptId) {
        ExamAttempt attempt = access.assigned(attemptId);
        attempt.finalizeReview(work.caller(), Instant.now());
        return decided(attempt, "FINAL", String.valueOf(attempt.reviewDecision()));
    }

    public AttemptView dismissIncident(@NotBlank String attemptId, @NotBlank String incidentId,
                                       @NotBlank @Size(max = 2000) String reason) {
        ExamAttempt attempt = access.assigned(attemptId);
        incidents.dismiss(attemptId, incidentId, work.caller(), reason);
        return work.view(attempt, true);
    }

    public AttemptView confirmIncident(@NotBlank String attemptId, @NotBlank String incidentId) {
        ExamAttempt attempt = access.assigned(attemptId);
        incidents.confirm(attemptId, incidentId, work.caller());
        return work.view(attempt, true);
    }

    private AttemptView decided(ExamAttempt attempt, String action, String detail) {
        return work.audited(attempt, TimelineEntry.Kind.REVIEW, action, "REVIEW_" + action, detail);
    }
}
