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
 *
 * <p>Fields come from outside (a username typed at the login, a reason, a path parameter), so every one is stored
 * escaped ({@link #escaped}): no control or line-breaking character reaches the table, the API or the log, where it
 * could forge a line of its own; each field is then cut to its column.
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
        this.actor = escaped(Objects.requireNonNull(actor), 100);
        this.action = escaped(Objects.requireNonNull(action), 64);
        this.targetType = escaped(targetType, 32);
        this.targetId = escaped(targetId, 100);
        this.detail = escaped(detail, 2000);
        this.origin = escaped(origin, 100);
    }

    /** The entry as one line of the server log. */
    public String logLine() {
        return "AUDIT " + actor + " " + action + " " + targetType + ":" + targetId + " from " + origin
                + (detail == null ? "" : " " + detail);
    }

    /**
     * The value with backslashes doubled and control, format and line-separator characters written as escapes
     * (backslash n, r, t, or backslash u and four hex digits), cut to at most {@code max} characters.
     */
    static String escaped(String value, int max) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), max) + 16);
        for (int i = 0; i < value.length() && out.length() < max; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    int type = Character.getType(c);
                    if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                            || type == Character.PARAGRAPH_SEPARATOR) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.length() <= max ? out.toString() : out.substring(0, max);
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
