package org.campusproctor.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.campusproctor.domain.attempt.ExamAttempt;
import org.campusproctor.domain.attempt.TimelineEntry;
import org.campusproctor.domain.identity.Role;

import java.time.Instant;

/** Reviewers (proctors, admins) decide on completed attempts: the only way an outcome is released or voided. */
@Stateless
@RolesAllowed({Role.PROCTOR_NAME, Role.ADMIN_NAME})
public class AttemptReview {

    @Resource
    private SessionContext session;

    @Inject
    private AttemptJournal journal;

    @Inject
    private AttemptViews views;

    @Inject
    private IncidentReporting incidents;

    @Inject
    private AuditLog audit;

    public AttemptView clear(@NotBlank String attemptId) {
        ExamAttempt attempt = journal.lock(attemptId);
        attempt.clear(caller(), Instant.now());
        return decided(attempt, "CLEARED", null);
    }

    public AttemptView markSuspicious(@NotBlank String attemptId, @NotBlank @Size(max = 2000) String reason) {
        ExamAttempt attempt = journal.lock(attemptId);
        attempt.markSuspicious(caller(), reason, Instant.now());
        return decided(attempt, "SUSPICIOUS", reason);
    }

    public AttemptView finalizeReview(@NotBlank String attemptId) {
        ExamAttempt attempt = journal.lock(attemptId);
        attempt.finalizeReview(caller(), Instant.now());
        return decided(attempt, "FINAL", String.valueOf(attempt.reviewDecision()));
    }

    public AttemptView dismissIncident(@NotBlank String attemptId, @NotBlank String incidentId,
                                       @NotBlank @Size(max = 2000) String reason) {
        incidents.dismiss(attemptId, incidentId, caller(), reason);
        return views.of(journal.lock(attemptId), true);
    }

    private AttemptView decided(ExamAttempt attempt, String action, String detail) {
        journal.log(attempt, caller(), TimelineEntry.Kind.REVIEW, action, detail);
        audit.record("REVIEW_" + action, "attempt", attempt.id(), detail);
        return views.of(attempt, true);
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
