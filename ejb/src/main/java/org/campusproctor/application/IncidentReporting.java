package org.campusproctor.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.campusproctor.domain.Ids;
import org.campusproctor.domain.attempt.ExamAttempt;
import org.campusproctor.domain.attempt.Incident;
import org.campusproctor.domain.attempt.IncidentSource;
import org.campusproctor.domain.attempt.RiskScore;
import org.campusproctor.domain.attempt.Severity;
import org.campusproctor.domain.attempt.TimelineEntry;

import java.time.Instant;
import java.util.List;

/**
 * Records incidents on an attempt's timeline and recomputes its risk score. Internal: it is called by the vision
 * results listener (JMS, no caller identity), and by the role-checked candidate and proctor services; no REST
 * resource calls it directly. It never changes the attempt's status: sanctions are a reviewer's decision.
 *
 * <p>Vision workers put {@code "incidents": [...]} in the analysis JSON sent on {@code vision-results} (format in
 * {@link VisionIncidents}); the results listener raises each one in the transaction that records the analysis, or
 * callers use {@link #raiseIncident} directly. An incident of an episode already recorded (same attempt, type and
 * start) is not recorded twice.
 */
@Stateless
@PermitAll
public class IncidentReporting {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AttemptJournal journal;

    @Inject
    private AuditLog audit;

    /** From a vision worker. Returns the incident id. */
    public String raiseIncident(@NotBlank String attemptId, @NotBlank String type, @NotNull Severity severity,
                                List<String> evidenceMediaIds, String scoresJson) {
        return raiseIncident(attemptId, type, severity, evidenceMediaIds, scoresJson, null);
    }

    /** From a vision worker, with the episode's start (the worker's startedAtMillis): idempotent per episode. */
    public String raiseIncident(@NotBlank String attemptId, @NotBlank String type, @NotNull Severity severity,
                                List<String> evidenceMediaIds, String scoresJson, Instant startedAt) {
        if (startedAt != null) {
            List<Incident> same = em.createQuery("SELECT i FROM Incident i WHERE i.attemptId = :attemptId AND i.type = :type"
                            + " AND i.source = :source AND i.occurredAt = :at", Incident.class)
                    .setParameter("attemptId", attemptId).setParameter("type", type)
                    .setParameter("source", IncidentSource.VISION).setParameter("at", startedAt).getResultList();
            if (!same.isEmpty()) {
                return same.get(0).id();
            }
        }
        return raise(attemptId, type, severity, IncidentSource.VISION, evidenceMediaIds, scoresJson, "vision-worker", startedAt);
    }

    public String raise(String attemptId, String type, Severity severity, IncidentSource source,
                        List<String> evidenceMediaIds, String scoresJson, String reporter) {
        return raise(attemptId, type, severity, source, evidenceMediaIds, scoresJson, reporter, null);
    }

    private String raise(String attemptId, String type, Severity severity, IncidentSource source,
                         List<String> evidenceMediaIds, String scoresJson, String reporter, Instant occurredAt) {
        ExamAttempt attempt = journal.lock(attemptId);
        Incident incident = new Incident(Ids.newId(), attemptId, type, source, severity, evidenceMediaIds, scoresJson,
                reporter, occurredAt == null ? Instant.now() : occurredAt);
        em.persist(incident);
        em.flush();
        attempt.recordRisk(RiskScore.of(incidents(attemptId)));
        journal.log(attempt, reporter, TimelineEntry.Kind.INCIDENT, type,
                severity + " from " + source + (evidenceMediaIds == null || evidenceMediaIds.isEmpty() ? "" : ", evidence " + evidenceMediaIds));
        return incident.id();
    }

    /**
     * A reviewer marks an incident as a false positive: it stays on record but leaves the risk score. Refused once
     * the review is FINAL: what the final decision saw stays as it was.
     */
    public void dismiss(String attemptId, String incidentId, String reviewer, String reason) {
        ExamAttempt attempt = journal.lock(attemptId);
        attempt.requireReviewOpen();
        Incident incident = em.find(Incident.class, incidentId);
        if (incident == null || !incident.attemptId().equals(attemptId)) {
            throw new org.campusproctor.domain.NotFoundException("Incident", incidentId);
        }
        incident.dismiss(reviewer, reason);
        em.flush();
        attempt.recordRisk(RiskScore.of(incidents(attemptId)));
        journal.log(attempt, reviewer, TimelineEntry.Kind.REVIEW, "INCIDENT_DISMISSED", incident.type() + ": " + reason);
        audit.recordAs(reviewer, "INCIDENT_DISMISSED", "attempt", attemptId, incidentId + " " + reason);
    }

    /** A reviewer confirms an incident (a true positive for the detector figures); refused once the review is FINAL. */
    public void confirm(String attemptId, String incidentId, String reviewer) {
        ExamAttempt attempt = journal.lock(attemptId);
        attempt.requireReviewOpen();
        Incident incident = em.find(Incident.class, incidentId);
        if (incident == null || !incident.attemptId().equals(attemptId)) {
            throw new org.campusproctor.domain.NotFoundException("Incident", incidentId);
        }
        incident.confirm(reviewer);
        journal.log(attempt, reviewer, TimelineEntry.Kind.REVIEW, "INCIDENT_CONFIRMED", incident.type());
        audit.recordAs(reviewer, "INCIDENT_CONFIRMED", "attempt", attemptId, incidentId);
    }

    public List<Incident> incidents(String attemptId) {
        return em.createNamedQuery(Incident.OF_ATTEMPT, Incident.class).setParameter("attemptId", attemptId).getResultList();
    }
}
