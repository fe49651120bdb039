package org.campusproctor.domain.attempt;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.campusproctor.domain.InvalidInputException;
import org.campusproctor.domain.RuleViolationException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One sitting of an exam by a registered candidate: the aggregate that guards the lifecycle ({@link AttemptStatus}),
 * the clock, and the review ({@link ReviewStatus}).
 *
 * <p>Time rule: the allowed time is the exam's duration plus the registration's extra time (fixed when the attempt is
 * created) plus any proctor extensions. The clock runs only while IN_PROGRESS: time spent PAUSED is added to the
 * deadline on resume, so a pause never costs the candidate time, and a paused attempt cannot expire. The deadline is
 * stored so that the server-side sweep finds overdue attempts with one indexed query.
 */
@Entity
@Table(name = "exam_attempt")
@NamedQuery(name = ExamAttempt.OVERDUE,
        query = "SELECT a.id FROM ExamAttempt a WHERE a.status = :status AND a.deadline <= :now")
@NamedQuery(name = ExamAttempt.BY_REGISTRATION, query = "SELECT a FROM ExamAttempt a WHERE a.registrationId = :registrationId")
@NamedQuery(name = ExamAttempt.COMPLETED_FOR_EXAM,
        query = "SELECT a FROM ExamAttempt a WHERE a.examId = :examId AND a.status IN :statuses")
@NamedQuery(name = ExamAttempt.COUNT_FOR_EXAM, query = "SELECT COUNT(a) FROM ExamAttempt a WHERE a.examId = :examId")
@NamedQuery(name = ExamAttempt.STATUS_COUNTS_FOR_EXAM,
        query = "SELECT a.status, COUNT(a) FROM ExamAttempt a WHERE a.examId = :examId GROUP BY a.status")
@NamedQuery(name = ExamAttempt.IN_STATUS, query = "SELECT a FROM ExamAttempt a WHERE a.status = :status ORDER BY a.createdAt, a.id")
@NamedQuery(name = ExamAttempt.IN_STATUS_OF_PROCTOR,
        query = "SELECT a FROM ExamAttempt a WHERE a.status = :status AND a.proctor = :proctor ORDER BY a.createdAt, a.id")
// What a webcam frame upload needs of an attempt, in one round trip and without managing an entity: its candidate and
// status, its exam's frame interval and incident thresholds, its registration's enrolment photo (key, or null). Outer
// joins only (an attempt always has its exam and registration): EclipseLink writes inner joins on unrelated entities
// as a list of tables, before which an outer join cannot refer to them.
@NamedQuery(name = ExamAttempt.FRAME_UPLOAD_FACTS, query = "SELECT a.candidate, a.status,"
        + " e.proctoring.frameIntervalSeconds, e.proctoring.incidentThresholds, m.storageKey"
        + " FROM ExamAttempt a LEFT JOIN Exam e ON e.id = a.examId"
        + " LEFT JOIN Registration r ON r.id = a.registrationId LEFT JOIN StoredMedia m ON m.id = r.enrolmentMediaId"
        + " WHERE a.id = :id")
@NamedQuery(name = ExamAttempt.PROCTOR_OF, query = "SELECT a.proctor FROM ExamAttempt a WHERE a.id = :id")
public class ExamAttempt {

    public static final String OVERDUE = "ExamAttempt.overdue";
    public static final String FRAME_UPLOAD_FACTS = "ExamAttempt.frameUploadFacts";
    public static final String PROCTOR_OF = "ExamAttempt.proctorOf";
    public static final String BY_REGISTRATION = "ExamAttempt.byRegistration";
    public static final String COMPLETED_FOR_EXAM = "ExamAttempt.completedForExam";
    public static final String COUNT_FOR_EXAM = "ExamAttempt.countForExam";
    public static final String STATUS_COUNTS_FOR_EXAM = "ExamAttempt.statusCountsForExam";
    public static final String IN_STATUS = "ExamAttempt.inStatus";
    public static final String IN_STATUS_OF_PROCTOR = "ExamAttempt.inStatusOfProctor";

    /** The most time proctors may add: in one extension and over the whole attempt. */
    public static final Duration MAX_EXTENSION = Duration.ofHours(24);

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "registration_id", nullable = false, updatable = false, unique = true, length = 36)
    private String registrationId;

    @Column(name = "exam_id", nullable = false, updatable = false, length = 36)
    private String examId;

    @Column(nullable = false, updatable = false, length = 100)
    private String candidate;

    @Column(length = 100)
    private String proctor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AttemptStatus status;

    @Column(name = "identity_check_required", nullable = false, updatable = false)
    private boolean identityCheckRequired;

    @Column(name = "identity_verified_by", length = 100)
    private String identityVerifiedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "identity_verified_method", length = 20)
    private IdentityVerification identityVerifiedMethod;

    @Column(name = "identity_verified_at")
    private Instant identityVerifiedAt;

    /** The candidate's latest identity-check photo (media index id), its automatic result and how many were sent. */
    @Column(name = "identity_photo_media_id", length = 36)
    private String identityPhotoMediaId;

    @Enumerated(EnumType.STRING)
    @Column(name = "identity_check_outcome", length = 20)
    private IdentityCheckOutcome identityCheckOutcome;

    @Column(name = "identity_match_distance")
    private Double identityMatchDistance;

    @Column(name = "identity_match_threshold")
    private Double identityMatchThreshold;

    @Column(name = "identity_photo_count", nullable = false)
    private int identityPhotoCount;

    @Column(name = "shuffle_seed", nullable = false, updatable = false)
    private long shuffleSeed;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "allowed_seconds", nullable = false)
    private long allowedSeconds;

    @Column(name = "extension_seconds", nullable = false)
    private long extensionSeconds;

    @Column(name = "paused_seconds", nullable = false)
    private long pausedSeconds;

    @Column(name = "paused_since")
    private Instant pausedSince;

    /** When the attempt expires; null unless IN_PROGRESS. */
    private Instant deadline;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "end_reason", length = 500)
    private String endReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "review_status", length = 20)
    private ReviewStatus reviewStatus;

    /** CLEARED or SUSPICIOUS: the reviewer's decision, kept when the review becomes FINAL. */
    @Enumerated(EnumType.STRING)
    @Column(name = "review_decision", length = 20)
    private ReviewStatus reviewDecision;

    @Column(name = "review_reason", length = 2000)
    private String reviewReason;

    @Column(name = "reviewed_by", length = 100)
    private String reviewedBy;

    /** Who last called the attempt suspicious (kept if it is cleared later): they cannot make the review FINAL. */
    @Column(name = "suspicious_by", length = 100)
    private String suspiciousBy;

    @Column(precision = 10, scale = 2)
    private BigDecimal score;

    @Column(name = "max_score", precision = 10, scale = 2)
    private BigDecimal maxScore;

    @Column(name = "grading_complete", nullable = false)
    private boolean gradingComplete;

    @Column(name = "risk_score", nullable = false)
    private int riskScore;

    @Version
    private long version;

    protected ExamAttempt() {
        // for JPA
    }

    public ExamAttempt(String id, String registrationId, String examId, String candidate, String proctor,
                       boolean identityCheckRequired, Duration allowed, long shuffleSeed, Instant now) {
        if (allowed == null || allowed.toSeconds() < 1) {
            throw new InvalidInputException("An attempt needs a positive allowed time");
        }
        this.id = Objects.requireNonNull(id);
        this.registrationId = Objects.requireNonNull(registrationId);
        this.examId = Objects.requireNonNull(examId);
        this.candidate = Objects.requireNonNull(candidate);
        this.proctor = proctor;
        this.identityCheckRequired = identityCheckRequired;
        this.allowedSeconds = allowed.toSeconds();
        this.shuffleSeed = shuffleSeed;
        this.createdAt = Objects.requireNonNull(now);
        this.status = AttemptStatus.CREATED;
    }

    // ---- lifecycle ---------------------------------------------------------------------------------------------

    /** CREATED -> IDENTITY_CHECK: the candidate presents their ID and face to the webcam. */
    public void beginIdentityCheck(Instant now) {
        moveTo(AttemptStatus.IDENTITY_CHECK);
    }

    /**
     * -> READY by the candidate's own word: only for exams without an identity check. Where the exam requires one,
     * the attempt becomes READY only through {@link #identityVerified}.
     */
    public void markReady(Instant now) {
        if (identityCheckRequired && status == AttemptStatus.CREATED) {
            throw new RuleViolationException("IDENTITY_CHECK_REQUIRED",
                    "Attempt " + id + " needs an identity check before it is ready");
        }
        if (identityCheckRequired && status == AttemptStatus.IDENTITY_CHECK) {
            throw new RuleViolationException("IDENTITY_NOT_VERIFIED",
                    "The identity check of attempt " + id + " awaits a proctor's approval");
        }
        moveTo(AttemptStatus.READY);
    }

    /**
     * IDENTITY_CHECK -> READY: the candidate's identity was confirmed, by whom and how (a proctor today; a passing
     * face match can use the same step). Never the candidate's own decision.
     */
    public void identityVerified(String by, IdentityVerification how, Instant now) {
        Objects.requireNonNull(by);
        Objects.requireNonNull(how);
        if (status != AttemptStatus.IDENTITY_CHECK) {
            throw new IllegalTransitionException(id, status, AttemptStatus.READY);
        }
        moveTo(AttemptStatus.READY);
        identityVerifiedBy = by;
        identityVerifiedMethod = how;
        identityVerifiedAt = now;
    }

    /**
     * Records the automatic check of an identity-check photo (CREATED moves to IDENTITY_CHECK): a match makes the
     * attempt READY (verified by {@code matcher}, by face match); anything else leaves it waiting for a proctor's
     * approval ({@link #identityVerified}). At most {@code maxPhotos} photos per attempt are compared automatically.
     */
    public void identityPhotoChecked(String mediaId, IdentityCheckOutcome outcome, Double distance, Double threshold,
                                     String matcher, Instant now) {
        Objects.requireNonNull(mediaId);
        Objects.requireNonNull(outcome);
        identityPhotoMediaId = mediaId;
        identityCheckOutcome = outcome;
        identityMatchDistance = distance;
        identityMatchThreshold = threshold;
        if (outcome == IdentityCheckOutcome.MATCHED) {
            identityVerified(matcher, IdentityVerification.FACE_MATCH, now);
        }
    }

    /**
     * Admits one more identity-check photo: only while the identity check is open (CREATED moves to IDENTITY_CHECK),
     * and at most {@code maxPhotos} per attempt (then a proctor decides).
     */
    public void admitIdentityPhoto(int maxPhotos, Instant now) {
        if (!identityCheckRequired) {
            throw new RuleViolationException("IDENTITY_CHECK_NOT_REQUIRED",
                    "The exam of attempt " + id + " has no identity check");
        }
        if (status == AttemptStatus.CREATED) {
            beginIdentityCheck(now);
        }
        if (status != AttemptStatus.IDENTITY_CHECK) {
            throw new RuleViolationException("NOT_IN_IDENTITY_CHECK", "Attempt " + id + " is " + status);
        }
        if (identityPhotoCount >= maxPhotos) {
            throw new RuleViolationException("IDENTITY_PHOTOS_EXHAUSTED",
                    "No more identity-check photos for attempt " + id + ": a proctor will decide");
        }
        identityPhotoCount++;
    }

    /** The identity check waits for a proctor: open, and the automatic check did not pass (or never ran). */
    public boolean identityCheckAwaitsProctor() {
        return status == AttemptStatus.IDENTITY_CHECK;
    }

    /** READY -> IN_PROGRESS: the clock starts. */
    /** The registrar changed the registration's extra time before the attempt started: the allowed time follows. */
    public void changeAllowedTime(java.time.Duration allowed) {
        if (startedAt != null) {
            throw new org.campusproctor.domain.RuleViolationException("ATTEMPT_STARTED",
                    "Attempt " + id + " has started; its time changes only by a proctor's extension");
        }
        if (allowed == null || allowed.toSeconds() < 1) {
            throw new InvalidInputException("An attempt needs a positive allowed time");
        }
        this.allowedSeconds = allowed.toSeconds();
    }

    public void start(Instant now) {
        moveTo(AttemptStatus.IN_PROGRESS);
        startedAt = now;
        recomputeDeadline();
    }

    /**
     * IN_PROGRESS -> PAUSED (proctor): the clock stops. Refused once the deadline has passed: such an attempt expires
     * (at the next sweep) and a pause must not give its time back.
     */
    public void pause(Instant now) {
        requireBeforeDeadline(now, "; it expires instead of pausing");
        moveTo(AttemptStatus.PAUSED);
        pausedSince = now;
        deadline = null;
    }

    /** PAUSED -> IN_PROGRESS (proctor): the paused time is given back by moving the deadline. */
    public void resume(Instant now) {
        moveTo(AttemptStatus.IN_PROGRESS);
        closePause(now);
        recomputeDeadline();
    }

    /** IN_PROGRESS -> SUBMITTED (candidate), refused once the deadline has passed (the sweep expires it). */
    public void submit(Instant now) {
        if (status == AttemptStatus.IN_PROGRESS && deadlinePassed(now)) {
            throw new RuleViolationException("DEADLINE_PASSED", "The deadline of attempt " + id + " has passed");
        }
        moveTo(AttemptStatus.SUBMITTED);
        complete(now, "submitted by the candidate");
    }

    /** IN_PROGRESS -> EXPIRED (server): only once the deadline has really passed. */
    public void expire(Instant now) {
        if (status == AttemptStatus.IN_PROGRESS && !deadlinePassed(now)) {
            throw new RuleViolationException("DEADLINE_NOT_PASSED", "Attempt " + id + " still has time until " + deadline);
        }
        moveTo(AttemptStatus.EXPIRED);
        complete(now, "deadline passed");
    }

    /** any incomplete -> TERMINATED (proctor), with a reason the reviewer will read. */
    public void terminate(Instant now, String reason) {
        requireReason(reason);
        moveTo(AttemptStatus.TERMINATED);
        complete(now, reason);
    }

    /** any incomplete -> ERROR: a technical failure ended the attempt (it goes to review like any other). */
    public void fail(Instant now, String reason) {
        requireReason(reason);
        moveTo(AttemptStatus.ERROR);
        complete(now, reason);
    }

    /**
     * A proctor adds time: before and during the attempt, never after it ended or once its deadline passed (it
     * expires). One extension and all of them together are at most {@link #MAX_EXTENSION}.
     */
    public void extend(Duration extra, Instant now) {
        if (extra == null || extra.toSeconds() < 1 || extra.compareTo(MAX_EXTENSION) > 0) {
            throw new InvalidInputException("An extension is between one second and " + MAX_EXTENSION.toHours() + " hours");
        }
        requireNotCompleted("; time can no longer be added");
        requireBeforeDeadline(now, "; time can no longer be added");
        if (extensionSeconds + extra.toSeconds() > MAX_EXTENSION.toSeconds()) {
            throw new RuleViolationException("EXTENSION_LIMIT", "Attempt " + id + " has " + extensionSeconds
                    + " s of extensions; together they are at most " + MAX_EXTENSION.toSeconds() + " s");
        }
        extensionSeconds += extra.toSeconds();
        if (status == AttemptStatus.IN_PROGRESS) {
            recomputeDeadline();
        }
    }

    /**
     * Another proctor watches (and reviews) this attempt from now on; refused once the review is FINAL, when there is
     * nothing left for a proctor to do.
     */
    public void reassignProctor(String proctor) {
        requireReviewOpen();
        this.proctor = proctor;
    }

    /** Guard of everything that may happen only before the end (messages, browser events, frames): ATTEMPT_COMPLETED. */
    public void requireNotCompleted() {
        requireNotCompleted("");
    }

    /** Guard of everything that needs a completed attempt (scores, manual grading): ATTEMPT_NOT_COMPLETED. */
    public void requireCompleted() {
        if (!status.isCompleted()) {
            throw new RuleViolationException("ATTEMPT_NOT_COMPLETED", "Attempt " + id + " is still " + status);
        }
    }

    /**
     * Guard of what would change a decided attempt (re-scoring after a key change, dismissing an incident):
     * REVIEW_FINAL once the review is FINAL.
     */
    public void requireReviewOpen() {
        if (reviewStatus == ReviewStatus.FINAL) {
            throw new RuleViolationException("REVIEW_FINAL", "The review of attempt " + id + " is final");
        }
    }

    /**
     * Guard of manual grading: any answer of a completed attempt until the review is FINAL; after that only an
     * answer still awaiting its grade (completing a PENDING_GRADING outcome), never once the result is released.
     */
    public void requireGradable(boolean answerAwaitsGrade) {
        requireCompleted();
        if (reviewStatus == ReviewStatus.FINAL && (!answerAwaitsGrade || resultReleased())) {
            throw new RuleViolationException("REVIEW_FINAL", "The review of attempt " + id + " is final");
        }
    }

    private void requireBeforeDeadline(Instant now, String consequence) {
        if (deadlinePassed(now)) {
            throw new RuleViolationException("DEADLINE_PASSED", "The deadline of attempt " + id + " has passed" + consequence);
        }
    }

    private void requireNotCompleted(String consequence) {
        refuseIfCompleted(id, status, consequence);
    }

    /** {@link #requireNotCompleted()} for an attempt read as values ({@link #FRAME_UPLOAD_FACTS}). */
    public static void refuseIfCompleted(String id, AttemptStatus status, String consequence) {
        if (status.isCompleted()) {
            throw new RuleViolationException("ATTEMPT_COMPLETED", "Attempt " + id + " is " + status + consequence);
        }
    }

    // ---- review ------------------------------------------------------------------------------------------------

    public void clear(String reviewer, Instant now) {
        review(ReviewStatus.CLEARED);
        reviewDecision = ReviewStatus.CLEARED;
        reviewReason = null;
        reviewedBy = reviewer;
    }

    public void markSuspicious(String reviewer, String reason, Instant now) {
        requireReason(reason);
        review(ReviewStatus.SUSPICIOUS);
        reviewDecision = ReviewStatus.SUSPICIOUS;
        reviewReason = reason;
        reviewedBy = reviewer;
        suspiciousBy = reviewer;
    }

    /**
     * Makes the decision final. Once anyone called the attempt suspicious, a second person must: a sanction (or the
     * clearing that overrides the suspicion) never rests on one reviewer alone.
     */
    public void finalizeReview(String reviewer, Instant now) {
        if (suspiciousBy != null && suspiciousBy.equals(reviewer) && reviewStatus != ReviewStatus.FINAL) {
            throw new RuleViolationException("SECOND_REVIEW_REQUIRED", "Attempt " + id + " was called suspicious by "
                    + reviewer + ": another reviewer must make the decision final");
        }
        review(ReviewStatus.FINAL);
        reviewedBy = reviewer;
    }

    // ---- scoring and risk --------------------------------------------------------------------------------------

    public void recordScore(BigDecimal total, BigDecimal max, boolean complete) {
        requireCompleted();
        if (resultReleased()) {
            throw new RuleViolationException("REVIEW_FINAL", "The result of attempt " + id + " is released");
        }
        score = total;
        maxScore = max;
        gradingComplete = complete;
    }

    public void recordRisk(int riskScore) {
        this.riskScore = Math.max(0, Math.min(100, riskScore));
    }

    /** The outcome a transcript may show: only a FINAL review releases a result; SUSPICIOUS voids it. */
    public Outcome outcome(BigDecimal passingPercent) {
        if (!status.isCompleted()) {
            return Outcome.IN_PROGRESS;
        }
        if (reviewStatus != ReviewStatus.FINAL) {
            return Outcome.PENDING_REVIEW;
        }
        if (reviewDecision == ReviewStatus.SUSPICIOUS) {
            return Outcome.VOIDED;
        }
        if (!gradingComplete) {
            return Outcome.PENDING_GRADING;
        }
        return percent().compareTo(passingPercent) >= 0 ? Outcome.PASSED : Outcome.FAILED;
    }

    /**
     * Whether the result is released to the candidate: the review is FINAL and the outcome decided (grading
     * complete, or voided). Until then the candidate sees no score, points or decision.
     */
    public boolean resultReleased() {
        return reviewStatus == ReviewStatus.FINAL && (reviewDecision == ReviewStatus.SUSPICIOUS || gradingComplete);
    }

    /** The outcome as the candidate may see it: the real one once released, else only that it is pending. */
    public Outcome outcomeForCandidate(BigDecimal passingPercent) {
        if (resultReleased()) {
            return outcome(passingPercent);
        }
        return status.isCompleted() ? Outcome.PENDING_REVIEW : Outcome.IN_PROGRESS;
    }

    public BigDecimal percent() {
        if (score == null || maxScore == null || maxScore.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return score.multiply(BigDecimal.valueOf(100)).divide(maxScore, 2, RoundingMode.HALF_UP);
    }

    public enum Outcome { IN_PROGRESS, PENDING_REVIEW, PENDING_GRADING, PASSED, FAILED, VOIDED }

    // ---- clock -------------------------------------------------------------------------------------------------

    public boolean deadlinePassed(Instant now) {
        return status == AttemptStatus.IN_PROGRESS && deadline != null && !now.isBefore(deadline);
    }

    /** Answers are accepted only while the clock runs and before the deadline. */
    public boolean acceptsAnswers(Instant now) {
        return status == AttemptStatus.IN_PROGRESS && !deadlinePassed(now);
    }

    /** Seconds left on the clock (never negative). */
    public long remainingSeconds(Instant now) {
        return switch (status) {
            case CREATED, IDENTITY_CHECK, READY -> totalAllowedSeconds();
            case IN_PROGRESS -> Math.max(0, Duration.between(now, deadline).toSeconds());
            case PAUSED -> Math.max(0, totalAllowedSeconds() + pausedSeconds - Duration.between(startedAt, pausedSince).toSeconds());
            default -> 0;
        };
    }

    public long totalAllowedSeconds() {
        return allowedSeconds + extensionSeconds;
    }

    private void recomputeDeadline() {
        deadline = startedAt.plusSeconds(totalAllowedSeconds() + pausedSeconds);
    }

    private void closePause(Instant now) {
        if (pausedSince != null) {
            pausedSeconds += Math.max(0, Duration.between(pausedSince, now).toSeconds());
            pausedSince = null;
        }
    }

    private void complete(Instant now, String reason) {
        closePause(now);
        deadline = null;
        endedAt = now;
        endReason = reason;
        reviewStatus = ReviewStatus.PENDING_REVIEW;
    }

    private void moveTo(AttemptStatus next) {
        if (!status.canBecome(next)) {
            throw new IllegalTransitionException(id, status, next);
        }
        status = next;
    }

    private void review(ReviewStatus next) {
        if (reviewStatus == null) {
            throw new RuleViolationException("ATTEMPT_NOT_COMPLETED", "Attempt " + id + " is " + status + " and cannot be reviewed yet");
        }
        if (!reviewStatus.canBecome(next)) {
            throw new IllegalTransitionException(id, reviewStatus, next);
        }
        reviewStatus = next;
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("A reason is required");
        }
    }

    public String id() { return id; }
    public String registrationId() { return registrationId; }
    public String examId() { return examId; }
    public String candidate() { return candidate; }
    public String suspiciousBy() { return suspiciousBy; }
    public String proctor() { return proctor; }
    public AttemptStatus status() { return status; }
    public boolean identityCheckRequired() { return identityCheckRequired; }
    public String identityVerifiedBy() { return identityVerifiedBy; }
    public IdentityVerification identityVerifiedMethod() { return identityVerifiedMethod; }
    public Instant identityVerifiedAt() { return identityVerifiedAt; }
    public String identityPhotoMediaId() { return identityPhotoMediaId; }
    public IdentityCheckOutcome identityCheckOutcome() { return identityCheckOutcome; }
    public Double identityMatchDistance() { return identityMatchDistance; }
    public Double identityMatchThreshold() { return identityMatchThreshold; }
    public int identityPhotoCount() { return identityPhotoCount; }
    public long shuffleSeed() { return shuffleSeed; }
    public Instant createdAt() { return createdAt; }
    public Instant startedAt() { return startedAt; }
    public Instant deadline() { return deadline; }
    public Instant endedAt() { return endedAt; }
    public String endReason() { return endReason; }
    public long extensionSeconds() { return extensionSeconds; }
    public long pausedSeconds() { return pausedSeconds; }
    public ReviewStatus reviewStatus() { return reviewStatus; }
    public boolean reviewFinal() { return reviewStatus == ReviewStatus.FINAL; }
    public ReviewStatus reviewDecision() { return reviewDecision; }
    public String reviewReason() { return reviewReason; }
    public String reviewedBy() { return reviewedBy; }
    public BigDecimal score() { return score; }
    public BigDecimal maxScore() { return maxScore; }
    public boolean gradingComplete() { return gradingComplete; }
    public int riskScore() { return riskScore; }
    public long version() { return version; }
}
