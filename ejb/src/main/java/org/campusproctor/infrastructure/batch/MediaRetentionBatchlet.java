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

/** The one step of the {@code media-retention} job: purge media older than {@code retentionDays}. */
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

    @Override
    public String process() {
        long days = Long.parseLong(retentionDays == null || retentionDays.isBlank() ? "30" : retentionDays.trim());
        if (days < 0) {
            throw new IllegalArgumentException("retentionDays must be >= 0, was " + days);
        }
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
