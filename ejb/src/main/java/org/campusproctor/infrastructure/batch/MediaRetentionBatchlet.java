package org.campusproctor.infrastructure.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.campusproctor.application.JobProgress;
import org.campusproctor.contract.settings.Settings;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The one step of the {@code media-retention} job: per exam, purge media older than the exam's retention period (its
 * own, else {@code retentionDays}, else the {@code campusproctor.retention.default-days} setting; at least
 * {@value #MIN_RETENTION_DAYS}) that no open attempt, review, incident or registration needs ({@link MediaRetention}).
 * With {@code dryRun=true} it only counts what would go. Progress: exams done out of all exams.
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
    @BatchProperty
    private String dryRun;

    @Inject
    private StepContext step;

    @Inject
    private JobContext job;

    @Inject
    private MediaRetention retention;

    private volatile boolean stopped;

    /** Shortest retention: media stored today is never purged, whoever starts the job and how. */
    public static final int MIN_RETENTION_DAYS = 1;
    public static final int MAX_RETENTION_DAYS = 3650;

    /**
     * The job parameter as days; the setting's default when absent.
     *
     * @throws IllegalArgumentException when it is not a whole number of {@value #MIN_RETENTION_DAYS}..{@value #MAX_RETENTION_DAYS}
     */
    public static int retentionDays(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return Settings.RETENTION_DEFAULT_DAYS.value();
        }
        int days;
        try {
            days = Integer.parseInt(parameter.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("retentionDays must be a whole number of days, was " + parameter);
        }
        if (days < MIN_RETENTION_DAYS || days > MAX_RETENTION_DAYS) {
            throw new IllegalArgumentException("retentionDays must be " + MIN_RETENTION_DAYS + ".." + MAX_RETENTION_DAYS
                    + ", was " + days);
        }
        return days;
    }

    @Override
    public String process() {
        boolean dry = Boolean.parseBoolean(dryRun);
        Instant now = Instant.now();
        List<MediaRetention.ExamRetention> exams = retention.exams(retentionDays(retentionDays));
        JobProgress progress = JobProgress.of(exams.size());
        MediaRetention.Purged total = new MediaRetention.Purged(0, 0);
        for (MediaRetention.ExamRetention exam : exams) {
            if (stopped) {
                break;
            }
            MediaRetention.Purged purged = dry ? retention.dryRun(exam, now) : purgeAll(exam, now);
            total = total.plus(purged);
            progress = progress.plus(1, Map.of("objects", purged.objects(), "bytes", purged.bytes()));
            step.setPersistentUserData(progress);
        }
        MediaRetention.Purged done = total;
        LOG.info(() -> "Media retention" + (dry ? " (dry run): would purge " : ": purged ") + done.objects()
                + " object(s), " + done.bytes() + " bytes, of " + exams.size() + " exam(s)");
        // The count is the job's outcome for whoever started it (admin console, REST caller).
        String exit = (dry ? "WOULD-PURGE:" : "PURGED:") + done.objects(); // bytes: in the step's progress
        job.setExitStatus(exit);
        return exit;
    }

    private MediaRetention.Purged purgeAll(MediaRetention.ExamRetention exam, Instant now) {
        MediaRetention.Purged total = new MediaRetention.Purged(0, 0);
        MediaRetention.Purged purged;
        do {
            purged = retention.purgeBatch(exam, now, BATCH);
            total = total.plus(purged);
        } while (purged.objects() == BATCH && !stopped);
        return total;
    }

    @Override
    public void stop() {
        stopped = true;
    }
}
