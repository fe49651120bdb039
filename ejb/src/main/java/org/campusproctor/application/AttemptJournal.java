package org.campusproctor.application;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.campusproctor.domain.Ids;
import org.campusproctor.domain.NotFoundException;
import org.campusproctor.domain.attempt.AttemptChanged;
import org.campusproctor.domain.attempt.ExamAttempt;
import org.campusproctor.domain.attempt.TimelineEntry;

import java.time.Instant;

/**
 * Shared plumbing of the attempt services (not a service itself): loads an attempt locked for update, so that
 * autosaves, proctor actions and the expiry sweep on one attempt are serialised by the database, and writes the
 * timeline line plus the event the proctor feed pushes after commit.
 */
@Dependent
public class AttemptJournal {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Event<AttemptChanged> changed;

    public ExamAttempt lock(String attemptId) {
        ExamAttempt attempt = em.find(ExamAttempt.class, attemptId, LockModeType.PESSIMISTIC_WRITE);
        if (attempt == null) {
            throw new NotFoundException("Attempt", attemptId);
        }
        return attempt;
    }

    public void log(ExamAttempt attempt, String actor, TimelineEntry.Kind kind, String action, String detail) {
        em.flush(); // the attempt row first: the timeline has a foreign key but no JPA relationship to order inserts by
        em.persist(new TimelineEntry(Ids.newId(), attempt.id(), Instant.now(), actor, kind, action, detail));
        changed.fire(new AttemptChanged(attempt.id(), attempt.candidate(), attempt.proctor(), kind.name(), action,
                attempt.status().name(), attempt.riskScore(), detail));
    }
}
