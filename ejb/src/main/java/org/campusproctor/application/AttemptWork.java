package org.campusproctor.application;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.campusproctor.domain.attempt.ExamAttempt;
import org.campusproctor.domain.attempt.TimelineEntry;

/**
 * What the attempt services do around every use case, by the caller (shared plumbing, not a service): the timeline
 * line, the audit line and the view returned to the client.
 */
@Dependent
public class AttemptWork {

    @Inject
    private AttemptAccess access;

    @Inject
    private AttemptJournal journal;

    @Inject
    private AttemptViews views;

    @Inject
    private AuditLog audit;

    public String caller() {
        return access.caller();
    }

    /** A line on the attempt's timeline, by the caller (and the proctor feed's event after commit). */
    public void log(ExamAttempt attempt, TimelineEntry.Kind kind, String action, String detail) {
        journal.log(attempt, caller(), kind, action, detail);
    }

    /** An audit line about the attempt, by the caller, in the caller's transaction. */
    public void audit(String action, String attemptId, String detail) {
        audit.record(action, "attempt", attemptId, detail);
    }

    /** The attempt as the candidate sees it, or with incidents and risk for staff. */
    public AttemptView view(ExamAttempt attempt, boolean staff) {
        return views.of(attempt, staff);
    }

    /** The tail of a staff action: timeline line, audit line with the same detail, and the staff view. */
    public AttemptView audited(ExamAttempt attempt, TimelineEntry.Kind kind, String action, String auditAction, String detail) {
        log(attempt, kind, action, detail);
        audit(auditAction, attempt.id(), detail);
        return view(attempt, true);
    }
}
