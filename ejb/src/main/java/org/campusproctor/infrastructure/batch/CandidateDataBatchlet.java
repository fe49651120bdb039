package org.campusproctor.infrastructure.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.campusproctor.application.CandidateData;
import org.campusproctor.application.JobProgress;

import java.util.Map;

/** The one step of {@code candidate-data-export} and {@code candidate-erasure} ({@link CandidateData}). */
@Named("candidateDataBatchlet")
@Dependent
public class CandidateDataBatchlet extends AbstractBatchlet {

    @Inject
    @BatchProperty
    private String candidate;

    @Inject
    @BatchProperty
    private String mode;

    @Inject
    @BatchProperty
    private String startedBy;

    @Inject
    private JobContext job;

    @Inject
    private StepContext step;

    @Inject
    private CandidateData data;

    @Override
    public String process() {
        JobProgress progress;
        if ("erase".equals(mode)) {
            Map<String, Long> counts = data.erase(candidate, job.getInstanceId(), startedBy);
            progress = JobProgress.of(1).plus(1, counts);
            job.setExitStatus(progress.summary("ERASED"));
        } else {
            int entries = data.export(candidate, job.getInstanceId(), startedBy);
            progress = JobProgress.of(1).plus(1, Map.of("entries", (long) entries));
            job.setExitStatus(progress.summary("EXPORTED"));
        }
        step.setPersistentUserData(progress);
        return job.getExitStatus();
    }
}
