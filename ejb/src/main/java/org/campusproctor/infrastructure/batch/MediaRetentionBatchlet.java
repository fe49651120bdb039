package org.campusproctor.infrastructure.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * The one step of the {@code media-retention} job: purge media older than {@code retentionDays} (at least
 * {@value #MIN_RETENTION_DAYS}) that no open attempt, review, incident or registration needs ({@link MediaRetention}).
 */
@Named("mediaRetentionBatchlet")
@jakarta.enterprise.context.Dependent
public class MediaRetentionBatchlet extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(MediaRetentionBatchlet.class.getName());
    private static final int BATCH = 200;

    @Inject
    @BatchProperty
    private String retentionDays;

    @Inject
    private StepContext step;

    @Inject
    private JobContext job;

    @Inject
    private MediaRetention retention;

    /** Shortest retention: media stored today is never purged, whoever starts the job and how. */
    public static final int MIN_RETENTION_DAYS = 1;
    public static final int DEFAULT_RETENTION_DAYS = 30;

    /**
     * The job parameter as days.
     *
     * @throws IllegalArgumentException when it is not a whole number of at least {@value #MIN_RETENTION_DAYS}
     */
    public static int retentionDays(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return DEFAULT_RETENTION_DAYS;
        }
        int days;
        try {
            days = Integer.parseInt(parameter.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("retentionDays must be a whole number of days, was " + parameter);
        }
        if (days < MIN_RETENTION_DAYS) {
            throw new IllegalArgumentException("retentionDays must be at least " + MIN_RETENTION_DAYS + ", was " + days);
        }
        return days;
    }

    @Override
    public String process() {
        int days = retentionDays(retentionDays);
        Instant cutoff = Instant.now().minus(Duration.ofDays(days));
        long total = 0;
        int purged;
        do {
            purged = retention.purgeBatch(cutoff, BATCH);
            total += purged;
        } while (purged == BATCH);
        long count = total;
        LOG.info(() -> "Media retention: purged " + count + " object(s) stored before " + cutoff);
        step.setPersistentUserData(count);
        // The count is the job's outcome for whoever started it (admin console, REST caller).
        job.setExitStatus("PURGED:" + count);
        return "PURGED:" + count;
    }
}
