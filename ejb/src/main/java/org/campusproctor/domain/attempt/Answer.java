package org.campusproctor.domain.attempt;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.campusproctor.domain.Decimals;
import org.campusproctor.domain.InvalidInputException;
import org.campusproctor.domain.RuleViolationException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

/**
 * A candidate's response to one question of an attempt (one row per question, unique). Autosaves carry the client's
 * save id and a per-question sequence number that grows with every edit: a retried save (same sequence) is a
 * duplicate and an older one is stale; neither overwrites a newer acknowledged answer.
 */
@Entity
@Table(name = "attempt_answer")
@NamedQuery(name = Answer.OF_ATTEMPT, query = "SELECT a FROM Answer a WHERE a.attemptId = :attemptId")
@NamedQuery(name = Answer.OF_QUESTION, query = "SELECT a FROM Answer a WHERE a.questionId = :questionId")
public class Answer {

    public static final String OF_ATTEMPT = "Answer.ofAttempt";
    public static final String OF_QUESTION = "Answer.ofQuestion";

    public enum SaveOutcome { APPLIED, DUPLICATE, STALE }

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "attempt_id", nullable = false, updatable = false, length = 36)
    private String attemptId;

    @Column(name = "question_id", nullable = false, updatable = false, length = 36)
    private String questionId;

    private String response;

    @Column(name = "save_id", nullable = false, length = 64)
    private String saveId;

    @Column(name = "save_sequence", nullable = false)
    private long sequence;

    @Column(name = "saved_at", nullable = false)
    private Instant savedAt;

    @Column(name = "awarded_points", precision = 8, scale = 2)
    private BigDecimal awardedPoints;

    @Column(name = "needs_grading", nullable = false)
    private boolean needsGrading;

    @Column(name = "graded_by", length = 100)
    private String gradedBy;

    @Column(name = "grader_comment", length = 2000)
    private String graderComment;

    @Version
    private long version;

    protected Answer() {
        // for JPA
    }

    public Answer(String id, String attemptId, String questionId, String response, String saveId, long sequence, Instant now) {
        this.id = Objects.requireNonNull(id);
        this.attemptId = Objects.requireNonNull(attemptId);
        this.questionId = Objects.requireNonNull(questionId);
        this.response = response;
        this.saveId = requireSaveId(saveId);
        this.sequence = sequence;
        this.savedAt = now;
    }

    /** Applies a later autosave; duplicates and out-of-order (stale) saves change nothing. */
    public SaveOutcome save(String response, String saveId, long sequence, Instant now) {
        requireSaveId(saveId);
        if (sequence == this.sequence) {
            if (!saveId.equals(this.saveId)) {
                throw new RuleViolationException("SEQUENCE_REUSED",
                        "Sequence " + sequence + " was already acknowledged for another save of this question");
            }
            return SaveOutcome.DUPLICATE;
        }
        if (sequence < this.sequence) {
            return SaveOutcome.STALE;
        }
        this.response = response;
        this.saveId = saveId;
        this.sequence = sequence;
        this.savedAt = now;
        return SaveOutcome.APPLIED;
    }

    /** The answer as it now stands, as one revision of its history (taken after every APPLIED save). */
    public AnswerRevision revision(String revisionId) {
        return new AnswerRevision(revisionId, attemptId, questionId, saveId, sequence, response, savedAt);
    }

    /** Automatic score (objective types). A manual grade, once given, is kept. */
    public void autoScore(BigDecimal points) {
        if (gradedBy != null) {
            return;
        }
        awardedPoints = points;
        needsGrading = false;
    }

    public void awaitGrading() {
        if (gradedBy == null) {
            awardedPoints = null;
            needsGrading = true;
        }
    }

    public void grade(BigDecimal points, BigDecimal maxPoints, String grader, String comment) {
        if (points == null || points.signum() < 0 || points.compareTo(maxPoints) > 0) {
            throw new InvalidInputException("Points must be between 0 and " + maxPoints);
        }
        awardedPoints = Decimals.bounded("Points", points, 4, 2).setScale(2, RoundingMode.HALF_UP);
        needsGrading = false;
        gradedBy = grader;
        graderComment = comment;
    }

    private static String requireSaveId(String saveId) {
        if (saveId == null || saveId.isBlank() || saveId.length() > 64) {
            throw new InvalidInputException("A save id (1-64 characters) is required");
        }
        return saveId;
    }

    public String id() { return id; }
    public String attemptId() { return attemptId; }
    public String questionId() { return questionId; }
    public String response() { return response; }
    public String saveId() { return saveId; }
    public long sequence() { return sequence; }
    public Instant savedAt() { return savedAt; }
    public BigDecimal awardedPoints() { return awardedPoints; }
    public boolean needsGrading() { return needsGrading; }
    public String gradedBy() { return gradedBy; }
    public String graderComment() { return graderComment; }
    public long version() { return version; }
}
