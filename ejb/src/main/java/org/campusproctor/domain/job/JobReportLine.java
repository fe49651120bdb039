package org.campusproctor.domain.job;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/** One item a batch job rejected: where it was (an import's line number), what it was and why. */
@Entity
@Table(name = "job_report_line")
@NamedQuery(name = JobReportLine.OF_INSTANCE,
        query = "SELECT l FROM JobReportLine l WHERE l.jobInstanceId = :instanceId ORDER BY l.lineNumber")
@NamedQuery(name = JobReportLine.COUNT_OF_INSTANCE,
        query = "SELECT COUNT(l) FROM JobReportLine l WHERE l.jobInstanceId = :instanceId")
@NamedQuery(name = JobReportLine.DELETE_OF_INSTANCE, query = "DELETE FROM JobReportLine l WHERE l.jobInstanceId = :instanceId")
public class JobReportLine {

    public static final String DELETE_OF_INSTANCE = "JobReportLine.deleteOfInstance";

    public static final String OF_INSTANCE = "JobReportLine.ofInstance";
    public static final String COUNT_OF_INSTANCE = "JobReportLine.countOfInstance";
    public static final int MAX_ITEM = 200;
    public static final int MAX_REASON = 500;

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "job_instance_id", nullable = false)
    private long jobInstanceId;

    @Column(name = "line_number", nullable = false)
    private long lineNumber;

    @Column(length = MAX_ITEM)
    private String item;

    @Column(nullable = false, length = MAX_REASON)
    private String reason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected JobReportLine() {
        // for JPA
    }

    public JobReportLine(String id, long jobInstanceId, long lineNumber, String item, String reason, Instant now) {
        this.id = Objects.requireNonNull(id);
        this.jobInstanceId = jobInstanceId;
        this.lineNumber = lineNumber;
        this.item = cut(item, MAX_ITEM);
        this.reason = cut(Objects.requireNonNull(reason), MAX_REASON);
        this.createdAt = now;
    }

    /** Cut to the column, control characters (NUL among them, which PostgreSQL refuses) as '?'. */
    private static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        String clean = text.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() <= max ? clean : clean.substring(0, max);
    }

    public long lineNumber() { return lineNumber; }
    public String item() { return item; }
    public String reason() { return reason; }
}
