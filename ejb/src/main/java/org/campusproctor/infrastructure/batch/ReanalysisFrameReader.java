package org.campusproctor.infrastructure.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.campusproctor.application.FrameReanalysis;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads the run's frames a page at a time (a keyset query: attempt, capture time, id), so an exam of many frames is
 * never loaded at once. The checkpoint is the last frame handed out; a restart goes on after it.
 */
@Named("reanalysisFrameReader")
@Dependent
public class ReanalysisFrameReader extends AbstractItemReader {

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
    private String pageSize;

    @Inject
    private JobContext job;

    @Inject
    private StepContext step;

    @Inject
    private FrameReanalysis reanalysis;

    private FrameReanalysis.Scope scope;
    private FrameReanalysis.Cursor cursor;
    private final Deque<FrameReanalysis.Item> page = new ArrayDeque<>();
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        scope = ReanalysisScope.of(exam, attempt, storedBefore);
        cursor = checkpoint instanceof FrameReanalysis.Cursor c ? c : null;
        step.setTransientUserData(reanalysis.frameCount(scope));
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            int size = Math.max(1, Math.min(500, Integer.parseInt(pageSize)));
            page.addAll(reanalysis.page(scope, cursor, size, job.getInstanceId()));
            exhausted = page.size() < size;
        }
        FrameReanalysis.Item item = page.poll();
        if (item != null) {
            cursor = item.cursor();
        }
        return item;
    }

    @Override
    public Serializable checkpointInfo() {
        return cursor;
    }
}
