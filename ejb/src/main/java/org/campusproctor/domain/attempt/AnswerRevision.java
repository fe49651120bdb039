package org.campusproctor.domain.attempt;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * One applied autosave of an answer, as it was saved: the answer row keeps only the latest response, its revisions
 * keep the history a reviewer reads (what was written when). Written once: every column is non-updatable and no
 * code path updates or deletes a revision. Duplicates and stale saves change nothing and leave no revision.
 */
@Entity
@Table(name = "attempt_answer_revision")
@NamedQuery(name = AnswerRevision.OF_ATTEMPT,
        query = "SELECT r FROM AnswerRevision r WHERE r.attemptId = :attemptId ORDER BY r.savedAt, r.questionId, r.sequence")
@NamedQuery(name = AnswerRevision.OF_QUESTION,
        query = "SELECT r FROM AnswerRevision r WHERE r.attemptId = :attemptId AND r.questionId = :questionId ORDER BY r.sequence")
public class AnswerRevision {

    public static final String OF_ATTEMPT = "AnswerRevision.ofAttempt";
    public static final String OF_QUESTION = "AnswerRevision.ofQuestion";

    @Id
    @Column(length = 36, updatable = false)
    private String id;

    @Column(name = "attempt_id", nullable = false, updatable = false, length = 36)
    private String attemptId;

    @Column(name = "question_id", nullable = false, updatable = false, length = 36)
    private String questionId;

    @Column(name = "save_id", nullable = false, updatable = false, length = 64)
    private String saveId;

    @Column(name = "save_sequence", nullable = false, updatable = false)
    private long sequence;

    @Column(updatable = false)
    private String response;

    @Column(name = "saved_at", nullable = false, updatable = false)
    private Instant savedAt;

    protected AnswerRevision() {
        // for JPA
    }

    AnswerRevision(String id, String attemptId, String questionId, String saveId, long sequence, String response, Instant savedAt) {
        this.id = Objects.requireNonNull(id);
        this.attemptId = Objects.requireNonNull(attemptId);
        this.questionId = Objects.requireNonNull(questionId);
        this.saveId = Objects.requireNonNull(saveId);
        this.sequence = sequence;
        this.response = response;
        this.savedAt = Objects.requireNonNull(savedAt);
    }

    public String id() { return id; }
    public String attemptId() { return attemptId; }
    public String questionId() { return questionId; }
    public String saveId() { return saveId; }
    public long sequence() { return sequence; }
    public String response() { return response; }
    public Instant savedAt() { return savedAt; }
}
