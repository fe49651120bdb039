package org.campusproctor.domain.job;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.LocalDate;

/**
 * The last day a scheduled job was started, one row per job. Every node's timer fires; {@link #CLAIM} moves the day
 * forward in one conditional update, so exactly one node (the one whose update changed a row) starts that day's run.
 */
@Entity
@Table(name = "scheduled_run")
@NamedQuery(name = ScheduledRun.CLAIM,
        query = "UPDATE ScheduledRun r SET r.lastDay = :day WHERE r.name = :name AND r.lastDay < :day")
public class ScheduledRun {

    public static final String CLAIM = "ScheduledRun.claim";

    /** The media-retention job's daily run. */
    public static final String MEDIA_RETENTION_DAILY = "media-retention-daily";

    @Id
    @Column(length = 64)
    private String name;

    @Column(name = "last_day", nullable = false)
    private LocalDate lastDay;

    protected ScheduledRun() {
    }

    public String name() {
        return name;
    }

    public LocalDate lastDay() {
        return lastDay;
    }
}
