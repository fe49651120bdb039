package org.campusproctor.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What one attempt looks like to its reader. Candidates never receive answer keys, and no score, points, review
 * decision or outcome before the result is released; staff also receive incidents.
 * Records, so the REST layer serialises them with JSON-B as they are.
 */
public record AttemptView(String id, String examId, String examTitle, String candidate, String proctor, String status,
                          String reviewStatus, String reviewDecision, String reviewReason, Instant startedAt,
                          Instant deadline, Instant endedAt, String endReason, long remainingSeconds,
                          long totalAllowedSeconds, long pausedSeconds, BigDecimal score, BigDecimal maxScore,
                          boolean gradingComplete, String outcome, int riskScore, String riskBand, long version,
                          List<QuestionView> questions, List<AnswerView> answers, List<IncidentView> incidents,
                          IdentityCheckView identityCheck) {

    /**
     * The identity check: whether one is required, what the automatic face match found ({@code outcome}: MATCHED,
     * MISMATCH, NO_ENROLMENT, NO_FACE, SEVERAL_FACES, SPOOF, FACE_CUT_OFF, UNUSABLE), whether it waits for a proctor,
     * how it was verified. The distance and threshold only for staff.
     */
    public record IdentityCheckView(boolean required, String outcome, boolean awaitingProctor, int photos,
                                    int photosLeft, String photoMediaId, Double distance, Double threshold,
                                    String verifiedBy, String verifiedMethod, Instant verifiedAt) {
    }

    public record QuestionView(String id, int number, String type, String prompt, BigDecimal points,
                               List<String> choices, List<Integer> choiceOrder) {
    }

    public record AnswerView(String questionId, String response, long sequence, String saveId, Instant savedAt,
                             BigDecimal awardedPoints, boolean needsGrading) {
    }

    public record IncidentView(String id, String type, String source, String severity, Instant occurredAt,
                               List<String> evidenceMediaIds, String scoresJson, boolean dismissed) {
    }

    /** One applied autosave of an answer, as it was saved. */
    public record AnswerRevisionView(String questionId, long sequence, String saveId, String response, Instant savedAt) {
    }

    /**
     * One attempt in an exam's list of attempts (staff): its state and outcome without questions, answers or
     * incidents. {@code percent} is null while the attempt has no score.
     */
    public record SummaryView(String id, String candidate, String proctor, String status, Instant startedAt,
                              Instant endedAt, BigDecimal score, BigDecimal maxScore, BigDecimal percent,
                              String outcome, String reviewStatus, int riskScore, String riskBand)
            implements java.io.Serializable { // rows of a view-scoped console's table
    }

    public record TimelineView(Instant at, String actor, String kind, String action, String detail) {
    }

    public record SaveReceipt(String questionId, long sequence, String saveId, String outcome, Instant savedAt,
                              long remainingSeconds) {
    }
}
