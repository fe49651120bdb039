package org.campusproctor.application;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;

import org.campusproctor.domain.InvalidInputException;
import org.campusproctor.infrastructure.batch.MediaRetentionBatchlet;

import java.util.Properties;
import java.util.Set;

/** Starts and reports on the platform's batch jobs. Only known jobs may be started. */
@Stateless
@RolesAllowed({org.campusproctor.domain.identity.Role.ADMIN_NAME, org.campusproctor.domain.identity.Role.REGISTRAR_NAME})
public class BatchJobs {

    @jakarta.inject.Inject
    private AuditLog audit;

    public static final Set<String> JOBS = Set.of("media-retention");

    public long start(String jobName, Properties parameters) {
        if (!JOBS.contains(jobName)) {
            throw new IllegalArgumentException("Unknown job: " + jobName);
        }
        if (jobName.equals("media-retention")) {
            try {
                MediaRetentionBatchlet.retentionDays(parameters.getProperty("retentionDays"));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(e.getMessage());
            }
        }
        long id = operator().start(jobName, parameters);
        audit.record("BATCH_JOB_STARTED", "job", jobName, "execution " + id + " " + parameters);
        return id;
    }

    public JobExecution execution(long executionId) {
        return operator().getJobExecution(executionId);
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
