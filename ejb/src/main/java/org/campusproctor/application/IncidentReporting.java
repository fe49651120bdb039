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
 * <p>For vision rule authors: put {@code "incidents": [{"type": "MULTIPLE_FACES", "severity": "HIGH",
 * "scores": {...}, "evidence": ["<mediaId>", ...]}]} in the analysis JSON sent on {@code vision-results}; the
 * listener raises each one (evidence defaults to the analysed frame), or call {@link #raiseIncident} directly.
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
        return raise(attemptId, type, severity, IncidentSource.VISION, evidenceMediaIds, scoresJson, "vision-worker");
    }

    public String raise(String attemptId, String type, Severity severity, IncidentSource source,
                        List<String> evidenceMediaIds, String scoresJson, String reporter) {
        ExamAttempt attempt = journal.lock(attemptId);
        Incident incident = new Incident(Ids.newId(), attemptId, type, source, severity, evidenceMediaIds, scoresJson,
                reporter, Instant.now());
        em.persist(incident);
        em.flush();
        attempt.recordRisk(RiskScore.of(incidents(attemptId)));
        journal.log(attempt, reporter, TimelineEntry.Kind.INCIDENT, type,
                severity + " from " + source + (evidenceMediaIds == null || evidenceMediaIds.isEmpty() ? "" : ", evidence " + evidenceMediaIds));
        return incident.id();
    }

    /** A reviewer marks an incident as a false positive: it stays on record but leaves the risk score. */
    public void dismiss(String attemptId, String incidentId, String reviewer, String reason) {
        ExamAttempt attempt = journal.lock(attemptId);
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

    public List<Incident> incidents(String attemptId) {
        return em.createNamedQuery(Incident.OF_ATTEMPT, Incident.class).setParameter("attemptId", attemptId).getResultList();
    }
}
