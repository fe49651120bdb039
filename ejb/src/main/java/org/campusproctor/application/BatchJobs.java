package org.campusproctor.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.campusproctor.domain.InvalidInputException;
import org.campusproctor.domain.NotFoundException;
import org.campusproctor.domain.RuleViolationException;
import org.campusproctor.domain.attempt.ExamAttempt;
import org.campusproctor.domain.exam.Exam;
import org.campusproctor.domain.identity.Role;
import org.campusproctor.domain.identity.UserAccount;
import org.campusproctor.domain.job.JobFile;
import org.campusproctor.domain.job.JobReportLine;
import org.campusproctor.infrastructure.batch.EnrolmentCsv;
import org.campusproctor.infrastructure.batch.MediaRetentionBatchlet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * Starts, stops, restarts and reports on the platform's batch jobs. Only known jobs may be started, each with its
 * parameters checked first (a bad parameter is a 400 now, not a failed job later); the caller is passed to the job
 * as {@code startedBy}, whom it acts for.
 */
@Stateless
@RolesAllowed({Role.ADMIN_NAME, Role.REGISTRAR_NAME})
public class BatchJobs {

    public static final String MEDIA_RETENTION = "media-retention";
    public static final String ENROLMENT_IMPORT = "enrolment-import";
    public static final String RESULTS_EXPORT = "results-export";
    public static final String CANDIDATE_DATA_EXPORT = "candidate-data-export";
    public static final String CANDIDATE_DATA_ERASURE = "candidate-data-erasure";
    public static final String REANALYSIS = "reanalysis";
    public static final Set<String> JOBS = Set.of(MEDIA_RETENTION, ENROLMENT_IMPORT, RESULTS_EXPORT,
            CANDIDATE_DATA_EXPORT, CANDIDATE_DATA_ERASURE, REANALYSIS);

    /** States a restart accepts: ended without completing, or left running by a crash (see {@link #restart}). */
    public static final Set<BatchStatus> RESTARTABLE = Set.of(BatchStatus.FAILED, BatchStatus.STOPPED,
            BatchStatus.STARTED, BatchStatus.STARTING, BatchStatus.STOPPING);
    /** JBeret's job parameter choosing how a restart treats an execution that is not FAILED or STOPPED. */
    static final String RESTART_MODE = "jberet.restart.mode";

    @Inject
    private AuditLog audit;

    @Inject
    private JobFileStore files;

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext session;

    /** A step's state and progress. */
    public record StepView(String step, String batchStatus, String exitStatus, JobProgress progress, long readCount,
                           long writeCount, long filterCount, long commitCount, long rollbackCount) {
    }

    /** An execution, its steps, the rejected items of its instance (count) and the files its instance wrote. */
    public record ExecutionView(long executionId, long instanceId, String job, String batchStatus, String exitStatus,
                                Instant startTime, Instant endTime, List<StepView> steps, long rejected,
                                List<JobFile> files) {
    }

    public long start(String jobName, Properties parameters) {
        if (!JOBS.contains(jobName)) {
            throw new IllegalArgumentException("Unknown job: " + jobName);
        }
        Properties checked = new Properties();
        switch (jobName) {
            case MEDIA_RETENTION -> {
                try {
                    String days = parameters.getProperty("retentionDays");
                    if (days != null) {
                        checked.setProperty("retentionDays", Integer.toString(MediaRetentionBatchlet.retentionDays(days)));
                    }
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException(e.getMessage());
                }
                checked.setProperty("dryRun", Boolean.toString(Boolean.parseBoolean(parameters.getProperty("dryRun"))));
            }
            case ENROLMENT_IMPORT -> {
                JobFile csv = file(parameters.getProperty("csvFile"), JobFile.Purpose.ENROLMENT_CSV, "csvFile");
                try {
                    new EnrolmentCsv(files.bytes(csv.id()));
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException(e.getMessage());
                }
                checked.setProperty("csvFile", csv.id());
                String photos = parameters.getProperty("photosFile");
                if (photos != null) {
                    checked.setProperty("photosFile", file(photos, JobFile.Purpose.ENROLMENT_PHOTOS, "photosFile").id());
                }
                bounded(parameters, checked, "chunkSize", 1, 1000);
            }
            case RESULTS_EXPORT -> {
                String examId = parameters.getProperty("exam");
                if (examId == null || examId.length() > 36 || em.find(Exam.class, examId) == null) {
                    throw new NotFoundException("Exam", examId);
                }
                checked.setProperty("exam", examId);
            }
            case CANDIDATE_DATA_EXPORT, CANDIDATE_DATA_ERASURE -> {
                if (jobName.equals(CANDIDATE_DATA_ERASURE) && !session.isCallerInRole(Role.ADMIN_NAME)) {
                    throw new jakarta.ejb.EJBAccessException("Only an administrator erases a candidate's data");
                }
                String candidate = parameters.getProperty("candidate");
                UserAccount account = candidate == null || candidate.length() > 100 ? null
                        : em.createNamedQuery(UserAccount.BY_USERNAME, UserAccount.class).setParameter("username", candidate)
                        .getResultStream().findFirst().orElse(null);
                if (account == null) {
                    throw new NotFoundException("Account", candidate);
                }
                if (!account.hasRole(Role.CANDIDATE) || account.roles().size() > 1) {
                    throw new InvalidInputException(candidate + " is not (only) a candidate");
                }
                checked.setProperty("candidate", candidate);
            }
            case REANALYSIS -> {
                if (!session.isCallerInRole(Role.REGISTRAR_NAME)) {
                    throw new jakarta.ejb.EJBAccessException("Only a registrar re-analyses an exam's frames");
                }
                String examId = parameters.getProperty("exam");
                String attemptId = parameters.getProperty("attempt");
                if ((examId == null) == (attemptId == null)) {
                    throw new InvalidInputException("Re-analyse an exam or one attempt: give exam or attempt, not both");
                }
                if (examId != null) {
                    if (examId.length() > 36 || em.find(Exam.class, examId) == null) {
                        throw new NotFoundException("Exam", examId);
                    }
                    checked.setProperty("exam", examId);
                } else {
                    if (attemptId.length() > 36 || em.find(ExamAttempt.class, attemptId) == null) {
                        throw new NotFoundException("Attempt", attemptId);
                    }
                    checked.setProperty("attempt", attemptId);
                }
                // the frames stored until now: a restart covers the same frames, not those uploaded since
                checked.setProperty("storedBefore", Long.toString(Instant.now().toEpochMilli()));
                bounded(parameters, checked, "chunkSize", 1, 500);
                bounded(parameters, checked, "resultWaitSeconds", 1, 3600);
            }
            default -> throw new IllegalStateException(jobName);
        }
        checked.setProperty("startedBy", caller());
        long id = operator().start(jobName, checked);
        audit.record("BATCH_JOB_STARTED", "job", jobName, "execution " + id + " " + checked);
        return id;
    }

    /** Copies an optional whole-number parameter in its range, or refuses it. */
    private static void bounded(Properties parameters, Properties checked, String name, int min, int max) {
        String value = parameters.getProperty(name);
        if (value == null) {
            return;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                checked.setProperty(name, Integer.toString(n));
                return;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidInputException(name + " must be a whole number " + min + ".." + max);
    }

    private JobFile file(String id, JobFile.Purpose purpose, String parameter) {
        if (id == null || id.isBlank()) {
            throw new InvalidInputException(parameter + " (an uploaded file's id) is required");
        }
        JobFile file = files.find(id);
        if (file.purpose() != purpose) {
            throw new InvalidInputException(parameter + " must be a file uploaded as " + purpose);
        }
        return file;
    }

    /**
     * Restarts a failed or stopped execution from its last checkpoint; returns the new execution's id. An execution
     * still STARTED (or STARTING, STOPPING) restarts too when it does not run on this node: it was cut short by a
     * crash, and the job repository keeps its checkpoint (JBeret's restart mode {@code detect}, which refuses an
     * execution this node is running). Not automatic: with several nodes sharing the repository, only a person can
     * tell that no other node runs it.
     */
    public long restart(long executionId) {
        JobExecution execution = existing(executionId);
        if (!JOBS.contains(execution.getJobName())) {
            throw new NotFoundException("Job execution", Long.toString(executionId));
        }
        if (!RESTARTABLE.contains(execution.getBatchStatus())) {
            throw new RuleViolationException("NOT_RESTARTABLE", "Execution " + executionId + " is "
                    + execution.getBatchStatus() + "; only a FAILED, STOPPED or interrupted one restarts");
        }
        Properties parameters = new Properties();
        if (execution.getJobParameters() != null) {
            parameters.putAll(execution.getJobParameters());
        }
        parameters.setProperty(RESTART_MODE, "detect");
        long id;
        try {
            id = operator().restart(executionId, parameters);
        } catch (jakarta.batch.operations.JobRestartException | jakarta.batch.operations.JobExecutionNotMostRecentException
                 | jakarta.batch.operations.JobExecutionAlreadyCompleteException e) {
            throw new RuleViolationException("NOT_RESTARTABLE", e.getMessage());
        }
        audit.record("BATCH_JOB_RESTARTED", "job", execution.getJobName(), "execution " + executionId + " → " + id);
        return id;
    }

    /** Asks a running execution to stop (at its next checkpoint). */
    public void stop(long executionId) {
        JobExecution execution = existing(executionId);
        if (execution.getBatchStatus() != BatchStatus.STARTED && execution.getBatchStatus() != BatchStatus.STARTING) {
            throw new RuleViolationException("NOT_RUNNING", "Execution " + executionId + " is " + execution.getBatchStatus());
        }
        operator().stop(executionId);
        audit.record("BATCH_JOB_STOPPED", "job", execution.getJobName(), "execution " + executionId);
    }

    public ExecutionView execution(long executionId) {
        JobExecution execution = existing(executionId);
        JobInstance instance = operator().getJobInstance(executionId);
        List<StepView> steps = new ArrayList<>();
        for (StepExecution step : operator().getStepExecutions(executionId)) {
            long[] m = new long[5];
            for (jakarta.batch.runtime.Metric metric : step.getMetrics()) {
                switch (metric.getType()) {
                    case READ_COUNT -> m[0] = metric.getValue();
                    case WRITE_COUNT -> m[1] = metric.getValue();
                    case FILTER_COUNT -> m[2] = metric.getValue();
                    case COMMIT_COUNT -> m[3] = metric.getValue();
                    case ROLLBACK_COUNT -> m[4] = metric.getValue();
                    default -> { }
                }
            }
            steps.add(new StepView(step.getStepName(), step.getBatchStatus().name(), step.getExitStatus(),
                    step.getPersistentUserData() instanceof JobProgress p ? p : null, m[0], m[1], m[2], m[3], m[4]));
        }
        long rejected = em.createNamedQuery(JobReportLine.COUNT_OF_INSTANCE, Long.class)
                .setParameter("instanceId", instance.getInstanceId()).getSingleResult();
        return new ExecutionView(executionId, instance.getInstanceId(), execution.getJobName(),
                execution.getBatchStatus().name(), execution.getExitStatus(), instant(execution.getStartTime()),
                instant(execution.getEndTime()), steps, rejected, files.ofInstance(instance.getInstanceId()));
    }

    /** The rejected items of the execution's job instance, in line order, a page at a time. */
    public List<JobReportLine> rejected(long executionId, int page, int size) {
        existing(executionId);
        long instanceId = operator().getJobInstance(executionId).getInstanceId();
        return em.createNamedQuery(JobReportLine.OF_INSTANCE, JobReportLine.class).setParameter("instanceId", instanceId)
                .setFirstResult(Math.max(0, page) * size).setMaxResults(size).getResultList();
    }

    /** The latest executions of the platform's jobs, newest first. */
    public List<ExecutionView> latest(int max) {
        List<ExecutionView> views = new ArrayList<>();
        for (String job : JOBS) {
            try {
                for (JobInstance instance : operator().getJobInstances(job, 0, max)) {
                    for (JobExecution e : operator().getJobExecutions(instance)) {
                        views.add(execution(e.getExecutionId()));
                    }
                }
            } catch (NoSuchJobException e) {
                // never run yet
            }
        }
        views.sort((a, b) -> Long.compare(b.executionId(), a.executionId()));
        return views.size() > max ? views.subList(0, max) : views;
    }

    private JobExecution existing(long executionId) {
        try {
            JobExecution execution = operator().getJobExecution(executionId);
            if (execution == null || !JOBS.contains(execution.getJobName())) {
                throw new NotFoundException("Job execution", Long.toString(executionId));
            }
            return execution;
        } catch (NoSuchJobExecutionException e) {
            throw new NotFoundException("Job execution", Long.toString(executionId));
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
