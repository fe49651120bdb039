package org.campusproctor.domain.attempt;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of an attempt's timeline, as the reviewer reads it: transitions, proctor actions and messages, incidents.
 * Written once; every column is non-updatable, and no code path updates or deletes it.
 */
@Entity
@Table(name = "attempt_timeline")
@NamedQuery(name = TimelineEntry.OF_ATTEMPT, query = "SELECT t FROM TimelineEntry t WHERE t.attemptId = :attemptId ORDER BY t.at, t.id")
public class TimelineEntry {

    public static final String OF_ATTEMPT = "TimelineEntry.ofAttempt";

    public enum Kind { TRANSITION, PROCTOR_ACTION, MESSAGE, WARNING, INCIDENT, REVIEW, GRADING }

    @Id
    @Column(length = 36, updatable = false)
    private String id;

    @Column(name = "attempt_id", nullable = false, updatable = false, length = 36)
    private String attemptId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant at;

    @Column(nullable = false, updatable = false, length = 100)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 20)
    private Kind kind;

    @Column(nullable = false, updatable = false, length = 64)
    private String action;

    @Column(updatable = false, length = 2000)
    private String detail;

    protected TimelineEntry() {
        // for JPA
    }

    public TimelineEntry(String id, String attemptId, Instant at, String actor, Kind kind, String action, String detail) {
        this.id = Objects.requireNonNull(id);
        this.attemptId = Objects.requireNonNull(attemptId);
        this.at = Objects.requireNonNull(at);
        this.actor = Objects.requireNonNull(actor);
        this.kind = Objects.requireNonNull(kind);
        this.action = Objects.requireNonNull(action);
        this.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
    }

    public String id() { return id; }
    public String attemptId() { return attemptId; }
    public Instant at() { return at; }
    public String actor() { return actor; }
    public Kind kind() { return kind; }
    public String action() { return action; }
    public String detail() { return detail; }
}
