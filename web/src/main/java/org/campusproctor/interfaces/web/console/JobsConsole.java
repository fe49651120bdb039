package org.campusproctor.interfaces.web.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.campusproctor.application.BatchJobs;
import org.campusproctor.application.JobFiles;
import org.campusproctor.application.JobProgress;
import org.campusproctor.domain.job.JobFile;
import jakarta.servlet.http.Part;

import java.io.Serializable;
import java.util.List;
import java.util.Properties;

/**
 * The registrar's job launcher: enrolment import (CSV and photos zip uploaded here), results export of an exam, a
 * media-retention dry run or run, candidate data export, re-analysis of an exam's or an attempt's frames; the latest
 * executions with their progress, their report lines and the files they wrote, and a restart of a failed or stopped
 * one from its checkpoint.
 */
@Named
@ViewScoped
public class JobsConsole implements Serializable {

    /** An execution as the table shows it. */
    public record ExecutionRow(long id, String job, String status, String exitStatus, long done, long total,
                               int percent, long rejected, boolean running, boolean restartable,
                               List<FileLink> files) implements Serializable {
        static ExecutionRow of(BatchJobs.ExecutionView e) {
            JobProgress p = e.steps().isEmpty() ? null : e.steps().get(0).progress();
            boolean running = e.batchStatus().equals("STARTING") || e.batchStatus().equals("STARTED");
            int percent = p == null ? (running ? 0 : 100) : e.batchStatus().equals("COMPLETED") ? 100 : p.percent();
            return new ExecutionRow(e.executionId(), e.job(), e.batchStatus(), e.exitStatus(), p == null ? 0 : p.done(),
                    p == null ? 0 : p.total(), percent, e.rejected(), running,
                    BatchJobs.RESTARTABLE.contains(jakarta.batch.runtime.BatchStatus.valueOf(e.batchStatus())), e.files().stream().map(f -> new FileLink(f.id(), f.fileName())).toList());
        }
    }

    public record FileLink(String id, String name) implements Serializable {
    }

    public record RejectRow(long line, String item, String reason) implements Serializable {
    }

    @Inject
    private BatchJobs jobs;

    @Inject
    private JobFiles files;

    private transient Part csv;
    private transient Part photos;
    private String exam;
    private String candidate;
    private String reanalysedExam;
    private String reanalysedAttempt;
    private Integer retentionDays;
    private List<ExecutionRow> executions;
    private Long shownExecution;
    private List<RejectRow> rejects = List.of();

    public void startImport() {
        try {
            if (csv == null || csv.getSize() == 0) {
                Messages.refused(new IllegalArgumentException("Choose the enrolment CSV file"));
                return;
            }
            Properties p = new Properties();
            p.setProperty("csvFile", files.upload(JobFile.Purpose.ENROLMENT_CSV, csv.getSubmittedFileName(), bytes(csv)).id());
            if (photos != null && photos.getSize() > 0) {
                p.setProperty("photosFile", files.upload(JobFile.Purpose.ENROLMENT_PHOTOS, photos.getSubmittedFileName(),
                        bytes(photos)).id());
            }
            started(jobs.start(BatchJobs.ENROLMENT_IMPORT, p));
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    /** The part's bytes, never more than a job file may hold (the servlet's multipart limit applies first). */
    private static byte[] bytes(Part part) {
        if (part.getSize() > JobFiles.MAX_UPLOAD_BYTES) {
            throw new org.campusproctor.domain.InvalidInputException("A job file is at most " + JobFiles.MAX_UPLOAD_BYTES + " bytes");
        }
        try (java.io.InputStream in = part.getInputStream()) {
            return in.readNBytes(JobFiles.MAX_UPLOAD_BYTES);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public void startExport() {
        start(BatchJobs.RESULTS_EXPORT, "exam", exam);
    }

    public void startCandidateExport() {
        start(BatchJobs.CANDIDATE_DATA_EXPORT, "candidate", candidate);
    }

    /** Re-analyses an exam's or one attempt's frames (the attempt when both are given is refused by the job). */
    public void startReanalysis() {
        Properties p = new Properties();
        if (reanalysedExam != null && !reanalysedExam.isBlank()) {
            p.setProperty("exam", reanalysedExam.trim());
        }
        if (reanalysedAttempt != null && !reanalysedAttempt.isBlank()) {
            p.setProperty("attempt", reanalysedAttempt.trim());
        }
        try {
            started(jobs.start(BatchJobs.REANALYSIS, p));
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    /** Restarts a failed or stopped execution from its last checkpoint. */
    public void restart(long executionId) {
        try {
            long id = jobs.restart(executionId);
            Messages.info("Job execution " + executionId + " restarted as " + id);
            executions = null;
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    public void startRetention(boolean dryRun) {
        Properties p = new Properties();
        p.setProperty("dryRun", Boolean.toString(dryRun));
        if (retentionDays != null) {
            p.setProperty("retentionDays", retentionDays.toString());
        }
        try {
            started(jobs.start(BatchJobs.MEDIA_RETENTION, p));
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    private void start(String job, String parameter, String value) {
        Properties p = new Properties();
        if (value != null && !value.isBlank()) {
            p.setProperty(parameter, value.trim());
        }
        try {
            started(jobs.start(job, p));
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    private void started(long id) {
        Messages.info("Job execution " + id + " started");
        executions = null;
    }

    public void refresh() {
        executions = null;
        if (shownExecution != null) {
            show(shownExecution);
        }
    }

    public void show(long executionId) {
        shownExecution = executionId;
        rejects = jobs.rejected(executionId, 0, 200).stream()
                .map(l -> new RejectRow(l.lineNumber(), l.item(), l.reason())).toList();
    }

    public boolean isAnyRunning() {
        return getExecutions().stream().anyMatch(ExecutionRow::running);
    }

    public List<ExecutionRow> getExecutions() {
        if (executions == null) {
            executions = jobs.latest(15).stream().map(ExecutionRow::of).toList();
        }
        return executions;
    }

    public List<RejectRow> getRejects() { return rejects; }
    public Long getShownExecution() { return shownExecution; }
    public Part getCsv() { return csv; }
    public void setCsv(Part csv) { this.csv = csv; }
    public Part getPhotos() { return photos; }
    public void setPhotos(Part photos) { this.photos = photos; }
    public String getExam() { return exam; }
    public void setExam(String exam) { this.exam = exam; }
    public String getCandidate() { return candidate; }
    public void setCandidate(String candidate) { this.candidate = candidate; }
    public String getReanalysedExam() { return reanalysedExam; }
    public void setReanalysedExam(String reanalysedExam) { this.reanalysedExam = reanalysedExam; }
    public String getReanalysedAttempt() { return reanalysedAttempt; }
    public void setReanalysedAttempt(String reanalysedAttempt) { this.reanalysedAttempt = reanalysedAttempt; }
    public Integer getRetentionDays() { return retentionDays; }
    public void setRetentionDays(Integer retentionDays) { this.retentionDays = retentionDays; }
}
