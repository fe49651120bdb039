package org.campusproctor.domain.attempt;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.campusproctor.domain.InvalidInputException;
import org.campusproctor.domain.RuleViolationException;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something a detector, the browser or a proctor flagged during an attempt, with its evidence (media ids of stored
 * frames) and the detector's scores as JSON. An incident only informs the risk score and the reviewer; a reviewer
 * may dismiss it as a false positive, which removes it from the score.
 */
@Entity
@Table(name = "attempt_incident")
@NamedQuery(name = Incident.OF_ATTEMPT, query = "SELECT i FROM Incident i WHERE i.attemptId = :attemptId ORDER BY i.occurredAt")
public class Incident {

    public static final String OF_ATTEMPT = "Incident.ofAttempt";

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "attempt_id", nullable = false, updatable = false, length = 36)
    private String attemptId;

    @Column(name = "incident_type", nullable = false, updatable = false, length = 64)
    private String type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private IncidentSource source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private Severity severity;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "evidence_media_ids", updatable = false, length = 2000)
    private String evidenceMediaIds;

    @Column(name = "scores_json", updatable = false)
    private String scoresJson;

    @Column(name = "reported_by", nullable = false, updatable = false, length = 100)
    private String reportedBy;

    @Column(nullable = false)
    private boolean dismissed;

    @Column(name = "dismissed_by", length = 100)
    private String dismissedBy;

    @Column(name = "dismissed_reason", length = 2000)
    private String dismissedReason;

    /** The reviewer who confirmed it (null: not confirmed). Confirmed and dismissed exclude each other. */
    @Column(name = "confirmed_by", length = 100)
    private String confirmedBy;

    @Version
    private long version;

    protected Incident() {
        // for JPA
    }

    public Incident(String id, String attemptId, String type, IncidentSource source, Severity severity,
                    List<String> evidenceMediaIds, String scoresJson, String reportedBy, Instant occurredAt) {
        if (type == null || !type.matches("[A-Z][A-Z0-9_]{0,63}")) {
            throw new InvalidInputException("Incident types are UPPER_SNAKE_CASE, e.g. MULTIPLE_FACES");
        }
        this.id = Objects.requireNonNull(id);
        this.attemptId = Objects.requireNonNull(attemptId);
        this.type = type;
        this.source = Objects.requireNonNull(source);
        this.severity = Objects.requireNonNull(severity);
        this.evidenceMediaIds = evidenceMediaIds == null || evidenceMediaIds.isEmpty() ? null : String.join(",", evidenceMediaIds);
        this.scoresJson = scoresJson;
        this.reportedBy = Objects.requireNonNull(reportedBy);
        this.occurredAt = Objects.requireNonNull(occurredAt);
    }

    public void dismiss(String reviewer, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("Dismissing an incident needs a reason");
        }
        if (confirmedBy != null) {
            throw new RuleViolationException("INCIDENT_CONFIRMED", "Incident " + id + " was confirmed by " + confirmedBy);
        }
        dismissed = true;
        dismissedBy = reviewer;
        dismissedReason = reason;
    }

    /** A reviewer agrees the incident happened: it stays in the risk score and counts as a true positive. */
    public void confirm(String reviewer) {
        if (dismissed) {
            throw new RuleViolationException("INCIDENT_DISMISSED", "Incident " + id + " was dismissed by " + dismissedBy);
        }
        confirmedBy = Objects.requireNonNull(reviewer);
    }

    public String confirmedBy() { return confirmedBy; }
    public String id() { return id; }
    public String attemptId() { return attemptId; }
    public String type() { return type; }
    public IncidentSource source() { return source; }
    public Severity severity() { return severity; }
    public Instant occurredAt() { return occurredAt; }
    public List<String> evidenceMediaIds() { return evidenceMediaIds == null ? List.of() : List.of(evidenceMediaIds.split(",")); }
    public String scoresJson() { return scoresJson; }
    public String reportedBy() { return reportedBy; }
    public boolean dismissed() { return dismissed; }
    public String dismissedBy() { return dismissedBy; }
    public String dismissedReason() { return dismissedReason; }
}
