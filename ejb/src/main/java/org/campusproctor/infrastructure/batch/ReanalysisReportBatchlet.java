package org.campusproctor.infrastructure.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.campusproctor.application.FrameReanalysis;
import org.campusproctor.application.JobProgress;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The re-analysis report: waits until every frame's result came back, or until none came for
 * {@code resultWaitSeconds} (the rest are reported missing), then compares attempt by attempt
 * ({@link FrameReanalysis#compare}) and writes the CSV of changes. Progress: attempts compared.
 */
@Named("reanalysisReportBatchlet")
@Dependent
public class ReanalysisReportBatchlet extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(ReanalysisReportBatchlet.class.getName());
    public static final String RESULTS = "resultsReturned";

    @Inject
    @BatchProperty
    private String exam;

    @Inject
    @BatchProperty
    private String attempt;

    @Inject
    @BatchProperty
    private String storedBefore;

    @Inject
    @BatchProperty
    private String startedBy;

    @Inject
    @BatchProperty
    private String resultWaitSeconds;

    @Inject
    private JobContext job;

    @Inject
    private StepContext step;

    @Inject
    private FrameReanalysis reanalysis;

    private volatile boolean stopped;

    @Override
    public String process() throws InterruptedException {
        FrameReanalysis.Scope scope = ReanalysisScope.of(exam, attempt, storedBefore);
        long runId = job.getInstanceId();
        long expected = reanalysis.frameCount(scope);
        long idleLimit = TimeUnit.SECONDS.toNanos(Math.max(1, Math.min(3600, Long.parseLong(resultWaitSeconds))));
        long returned = reanalysis.returned(runId);
        long lastNews = System.nanoTime();
        while (returned < expected && System.nanoTime() - lastNews < idleLimit) {
            if (stopped) {
                return BatchStatus.STOPPED.name();
            }
            Thread.sleep(250);
            long now = reanalysis.returned(runId);
            if (now > returned) {
                returned = now;
                lastNews = System.nanoTime();
            }
            step.setPersistentUserData(new JobProgress(expected, returned, java.util.Map.of(RESULTS, returned)));
        }
        long got = returned;
        LOG.info(() -> "Re-analysis " + runId + ": " + got + " of " + expected + " results; comparing");
        reanalysis.forgetReport(job.getInstanceId());
        List<String> attempts = reanalysis.attempts(scope);
        JobProgress progress = JobProgress.of(attempts.size());
        List<List<String>> csv = new ArrayList<>();
        long nextLine = 1;
        for (String a : attempts) {
            if (stopped) {
                return BatchStatus.STOPPED.name();
            }
            FrameReanalysis.Compared compared = reanalysis.compare(scope, a, runId, job.getInstanceId(), nextLine);
            nextLine += compared.csvLines().size();
            csv.addAll(compared.csvLines());
            progress = progress.plus(1, compared.counts());
            step.setPersistentUserData(progress);
        }
        reanalysis.writeCsv(job.getInstanceId(), startedBy, csv);
        String exit = progress.summary("REANALYSED");
        job.setExitStatus(exit);
        return exit;
    }

    @Override
    public void stop() {
        stopped = true;
    }
}
