package org.campusproctor.application;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.Stateless;

import java.util.Properties;
import java.util.Set;

/** Starts and reports on the platform's batch jobs. Only known jobs may be started. */
@Stateless
public class BatchJobs {

    public static final Set<String> JOBS = Set.of("media-retention");

    public long start(String jobName, Properties parameters) {
        if (!JOBS.contains(jobName)) {
            throw new IllegalArgumentException("Unknown job: " + jobName);
        }
        return operator().start(jobName, parameters);
    }

    public JobExecution execution(long executionId) {
        return operator().getJobExecution(executionId);
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
