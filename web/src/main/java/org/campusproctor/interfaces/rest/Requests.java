package org.campusproctor.interfaces.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** JSON request bodies of the API (JSON-B binds them; the application services validate the values). */
public final class Requests {

    private Requests() {
    }

    public record Login(String username, String password) {
    }

    public record NewAccount(String username, String password, String displayName, List<String> roles) {
    }

    public record Proctoring(Boolean webcam, Boolean screenRecording, Boolean identityCheck, Integer frameIntervalSeconds,
                             Integer reviewRiskThreshold, Integer incidentAlertCount,
                             java.util.Map<String, Double> incidentThresholds) {
    }

    public record NewExam(String title, String instructions, Long durationSeconds, Instant availableFrom,
                          Instant availableUntil, BigDecimal passingScore, Boolean shuffleQuestions,
                          Boolean shuffleChoices, Proctoring proctoring) {
    }

    /** A question and its key; only the key fields of the question's type are read. */
    public record NewQuestion(String type, String prompt, BigDecimal points, List<String> choices,
                              List<Integer> correctChoices, Boolean correctBoolean, List<String> acceptedAnswers,
                              Boolean caseSensitive, BigDecimal numericAnswer, BigDecimal tolerance) {
    }

    public record NewRegistration(String candidate, String proctor, Long extraTimeSeconds, String accommodations) {
    }

    public record SaveAnswer(String response, String saveId, Long sequence) {
    }

    public record Reason(String reason) {
    }

    public record AddTime(Long seconds, String reason) {
    }

    public record Message(String text, Boolean warning) {
    }

    public record NewIncident(String type, String severity, List<String> evidence, String detail) {
    }

    public record Review(String decision, String reason) {
    }

    public record Grade(BigDecimal points, String comment) {
    }

    /** An exam's settings, all of them (a missing instructions, availableFrom or availableUntil: none). */
    public record ExamSettings(String title, String instructions, Long durationSeconds, Instant availableFrom,
                               Instant availableUntil, BigDecimal passingScore) {
    }

    public record MediaRetention(Integer days) {
    }

    public record NewPassword(String password) {
    }

    /**
     * Parameters of a batch job: media-retention reads retentionDays (default: the setting) and dryRun;
     * enrolment-import csvFile and photosFile (uploaded job files' ids); results-export exam; candidate-data-export
     * and candidate-data-erasure candidate (a username).
     */
    public record JobParameters(Integer retentionDays, Boolean dryRun, String csvFile, String photosFile, String exam,
                                String candidate, String attempt, Integer chunkSize, Integer resultWaitSeconds) {
    }
}
