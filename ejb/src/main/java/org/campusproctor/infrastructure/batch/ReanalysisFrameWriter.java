package org.campusproctor.infrastructure.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.campusproctor.application.FrameReanalysis;
import org.campusproctor.application.JobProgress;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Queues a chunk of frames in the chunk's transaction (sent when it commits). Paced: before a chunk goes, it waits
 * while more than {@code window} of the run's frames are still out at the workers, or while the live frames' backlog
 * is half the limit at which uploads are refused; never longer than {@value #MAX_WAIT_SECONDS} s per chunk (the
 * chunk's transaction is open), after which it sends anyway at its low priority.
 */
@Named("reanalysisFrameWriter")
@Dependent
public class ReanalysisFrameWriter extends AbstractItemWriter {

    private static final Logger LOG = Logger.getLogger(ReanalysisFrameWriter.class.getName());
    static final int MAX_WAIT_SECONDS = 60;
    public static final String DISPATCHED = "framesDispatched";

    @Inject
    @BatchProperty
    private String window;

    @Inject
    private JobContext job;

    @Inject
    private StepContext step;

    @Inject
    private FrameReanalysis reanalysis;

    private JobProgress progress;

    @Override
    public void open(Serializable checkpoint) {
        long total = step.getTransientUserData() instanceof Long t ? t : 0;
        progress = checkpoint instanceof JobProgress p ? p.withTotal(total) : JobProgress.of(total);
        step.setPersistentUserData(progress);
        job.setExitStatus(progress.summary("DISPATCHING"));
    }

    @Override
    public void writeItems(List<Object> items) throws InterruptedException {
        long maxOut = Math.max(1, Long.parseLong(window));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_WAIT_SECONDS);
        while ((progress.done() - reanalysis.returned(job.getInstanceId()) > maxOut || reanalysis.liveFramesBehind())
                && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        if (System.nanoTime() >= until) {
            LOG.info(() -> "Re-analysis " + job.getInstanceId() + ": workers still behind after " + MAX_WAIT_SECONDS
                    + " s; sending the next frames at low priority");
        }
        reanalysis.dispatch(items.stream().map(i -> ((FrameReanalysis.Item) i).frame()).toList());
        progress = progress.plus(items.size(), Map.of(DISPATCHED, (long) items.size()));
        step.setPersistentUserData(progress);
        job.setExitStatus(progress.summary("DISPATCHING"));
    }

    @Override
    public Serializable checkpointInfo() {
        return progress;
    }
}
