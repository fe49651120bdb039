package org.campusproctor.infrastructure.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.campusproctor.application.ResultsExport;

/** The one step of {@code results-export}: an exam's results as CSV and PDF job files (see {@link ResultsExport}). */
@Named("resultsExportBatchlet")
@Dependent
public class ResultsExportBatchlet extends AbstractBatchlet {

    @Inject
    @BatchProperty
    private String exam;

    @Inject
    @BatchProperty
    private String startedBy;

    @Inject
    private JobContext job;

    @Inject
    private ResultsExport export;

    @Override
    public String process() {
        int attempts = export.export(exam, job.getInstanceId(), startedBy);
        job.setExitStatus("EXPORTED attempts=" + attempts);
        return job.getExitStatus();
    }
}
