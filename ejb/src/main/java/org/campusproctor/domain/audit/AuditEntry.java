package org.campusproctor.domain.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * One security-relevant or grading action: who, what, on which object, when, from where. Append-only: every column
 * is non-updatable and the code has no update or delete path (on PostgreSQL the V3 migration also refuses them).
 */
@Entity
@Table(name = "audit_log")
@NamedQuery(name = AuditEntry.LATEST, query = "SELECT e FROM AuditEntry e ORDER BY e.at DESC, e.id DESC")
@NamedQuery(name = AuditEntry.FOR_TARGET, query = "SELECT e FROM AuditEntry e WHERE e.targetId = :targetId ORDER BY e.at, e.id")
public class AuditEntry {

    public static final String LATEST = "AuditEntry.latest";
    public static final String FOR_TARGET = "AuditEntry.forTarget";

    @Id
    @Column(length = 36, updatable = false)
    private String id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant at;

    @Column(nullable = false, updatable = false, length = 100)
    private String actor;

    @Column(nullable = false, updatable = false, length = 64)
    private String action;

    @Column(name = "target_type", updatable = false, length = 32)
    private String targetType;

    @Column(name = "target_id", updatable = false, length = 100)
    private String targetId;

    @Column(updatable = false, length = 2000)
    private String detail;

    @Column(updatable = false, length = 100)
    private String origin;

    protected AuditEntry() {
        // for JPA
    }

    public AuditEntry(String id, Instant at, String actor, String action, String targetType, String targetId,
                      String detail, String origin) {
        this.id = Objects.requireNonNull(id);
        this.at = Objects.requireNonNull(at);
        this.actor = Objects.requireNonNull(actor);
        this.action = Objects.requireNonNull(action);
        this.targetType = targetType;
        this.targetId = targetId;
        this.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
        this.origin = origin;
    }

    public String id() { return id; }
    public Instant at() { return at; }
    public String actor() { return actor; }
    public String action() { return action; }
    public String targetType() { return targetType; }
    public String targetId() { return targetId; }
    public String detail() { return detail; }
    public String origin() { return origin; }
}
