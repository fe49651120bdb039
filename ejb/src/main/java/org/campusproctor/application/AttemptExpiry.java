package org.campusproctor.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.campusproctor.domain.attempt.AttemptStatus;
import org.campusproctor.domain.attempt.ExamAttempt;
import org.campusproctor.domain.attempt.TimelineEntry;

import java.time.Instant;
import java.util.List;

/**
 * Server-side deadline enforcement: expires overdue attempts with what was saved, and scores them. Internal (called
 * by the sweep timer, no caller identity); each attempt in its own transaction so one failure does not hold up the rest.
 */
@Stateless
@PermitAll
public class AttemptExpiry {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AttemptJournal journal;

    @Inject
    private AttemptScorer scorer;

    @Inject
    private AuditLog audit;

    public List<String> overdue(Instant now) {
        return em.createNamedQuery(ExamAttempt.OVERDUE, String.class)
                .setParameter("status", AttemptStatus.IN_PROGRESS).setParameter("now", now)
                .setMaxResults(500).getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean expireIfOverdue(String attemptId) {
        ExamAttempt attempt = journal.lock(attemptId);
        Instant now = Instant.now();
        if (!attempt.deadlinePassed(now)) {
            return false; // resumed, extended or submitted meanwhile
        }
        attempt.expire(now);
        scorer.score(attempt);
        journal.log(attempt, "system", TimelineEntry.Kind.TRANSITION, "EXPIRED", "deadline passed; scored what was saved");
        audit.recordAs("system", "ATTEMPT_EXPIRED", "attempt", attemptId, "score " + attempt.score() + "/" + attempt.maxScore());
        return true;
    }
}
