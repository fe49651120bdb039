package org.campusproctor.domain.exam;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.campusproctor.domain.Ids;
import org.campusproctor.domain.Decimals;
import org.campusproctor.domain.InvalidInputException;
import org.campusproctor.domain.RuleViolationException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * An exam: its settings and its question bank. Only a draft may change its questions; answer keys may be corrected
 * at any time (submitted attempts are then re-scored).
 */
@Entity
@Table(name = "exam")
public class Exam {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 200)
    private String title;

    private String instructions;

    @Column(name = "duration_seconds", nullable = false)
    private long durationSeconds;

    @Column(name = "available_from")
    private Instant availableFrom;

    @Column(name = "available_until")
    private Instant availableUntil;

    /** Percentage of the maximum score needed to pass. */
    @Column(name = "passing_score", nullable = false, precision = 5, scale = 2)
    private BigDecimal passingScore;

    @Column(name = "shuffle_questions", nullable = false)
    private boolean shuffleQuestions;

    @Column(name = "shuffle_choices", nullable = false)
    private boolean shuffleChoices;

    @Embedded
    private ProctoringSettings proctoring;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ExamStatus status;

    /** Days media of this exam is kept once nothing needs it; null: the retention job's default. */
    @Column(name = "media_retention_days")
    private Integer mediaRetentionDays;

    @Column(name = "created_by", nullable = false, updatable = false, length = 100)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "exam", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Question> questions = new ArrayList<>();

    @Version
    private long version;

    protected Exam() {
        // for JPA
    }

    public Exam(String id, String title, String instructions, Duration duration, Instant availableFrom,
                Instant availableUntil, BigDecimal passingScore, boolean shuffleQuestions, boolean shuffleChoices,
                ProctoringSettings proctoring, String createdBy, Instant now) {
        if (title == null || title.isBlank()) {
            throw new InvalidInputException("An exam needs a title");
        }
        checkDuration(duration);
        if (availableFrom != null && availableUntil != null && !availableFrom.isBefore(availableUntil)) {
            throw new InvalidInputException("The availability window must end after it starts");
        }
        if (passingScore == null || passingScore.signum() < 0 || passingScore.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidInputException("The passing score is a percentage 0..100");
        }
        this.id = Objects.requireNonNull(id);
        this.title = title;
        this.instructions = instructions;
        this.durationSeconds = duration.toSeconds();
        this.availableFrom = availableFrom;
        this.availableUntil = availableUntil;
        this.passingScore = Decimals.bounded("The passing score", passingScore, 3, 2).setScale(2, RoundingMode.HALF_UP);
        this.shuffleQuestions = shuffleQuestions;
        this.shuffleChoices = shuffleChoices;
        this.proctoring = proctoring == null ? ProctoringSettings.defaults() : proctoring;
        this.status = ExamStatus.DRAFT;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public Question addQuestion(QuestionType type, String prompt, BigDecimal points, List<String> choices, AnswerKey key) {
        if (status != ExamStatus.DRAFT) {
            throw new RuleViolationException("EXAM_NOT_DRAFT", "Questions can only be added to a draft exam; " + id + " is " + status);
        }
        Question question = new Question(Ids.newId(), this, questions.size() + 1, type, prompt, points, choices, key);
        questions.add(question);
        return question;
    }

    /** Rewrites a question of a draft (a published exam's questions stay as candidates saw them; keys may change). */
    public Question editQuestion(String questionId, QuestionType type, String prompt, BigDecimal points,
                                 List<String> choices, AnswerKey key) {
        if (status != ExamStatus.DRAFT) {
            throw new RuleViolationException("EXAM_NOT_DRAFT", "Questions can only be edited in a draft exam; " + id + " is " + status);
        }
        Question question = question(questionId);
        if (question.type() != type) {
            throw new InvalidInputException("A question's type does not change; add a new question instead");
        }
        question.edit(prompt, points, choices, key);
        return question;
    }

    public void publish() {
        if (status != ExamStatus.DRAFT) {
            throw new RuleViolationException("ILLEGAL_TRANSITION", "Only a draft exam can be published; " + id + " is " + status);
        }
        if (questions.isEmpty()) {
            throw new RuleViolationException("EXAM_EMPTY", "An exam without questions cannot be published");
        }
        status = ExamStatus.PUBLISHED;
    }

    public void archive() {
        if (status == ExamStatus.ARCHIVED) {
            throw new RuleViolationException("ILLEGAL_TRANSITION", "Exam " + id + " is already archived");
        }
        status = ExamStatus.ARCHIVED;
    }

    /** Whether a registered candidate may start an attempt now. */
    public void checkOpenForAttempts(Instant now) {
        if (status != ExamStatus.PUBLISHED) {
            throw new RuleViolationException("EXAM_NOT_PUBLISHED", "Exam " + id + " is " + status);
        }
        if (availableFrom != null && now.isBefore(availableFrom)) {
            throw new RuleViolationException("EXAM_NOT_YET_OPEN", "Exam " + id + " opens at " + availableFrom);
        }
        if (availableUntil != null && !now.isBefore(availableUntil)) {
            throw new RuleViolationException("EXAM_CLOSED", "Exam " + id + " closed at " + availableUntil);
        }
    }

    public Question question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst()
                .orElseThrow(() -> new org.campusproctor.domain.NotFoundException("Question", questionId));
    }

    /**
     * The order in which an attempt sees the questions: the authored order, or when shuffling a permutation drawn
     * from the attempt's seed. java.util.Random's algorithm is specified, so the order is the same on every node and
     * after every restart.
     */
    public List<Question> questionsInOrder(long attemptSeed) {
        List<Question> ordered = new ArrayList<>(questions);
        if (shuffleQuestions) {
            Collections.shuffle(ordered, new Random(attemptSeed));
        }
        return ordered;
    }

    /** Display order of a choice question's options for an attempt (responses always use the original indexes). */
    public List<Integer> choiceOrder(Question question, long attemptSeed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < question.choices().size(); i++) {
            order.add(i);
        }
        if (shuffleChoices && question.type().isChoice()) {
            Collections.shuffle(order, new Random(attemptSeed * 31 + question.position()));
        }
        return order;
    }

    /**
     * New proctoring settings, also once published: they apply to what happens next (each frame message carries the
     * exam's thresholds, so the next frames are judged by the new ones). An archived exam is history.
     */
    public void changeProctoring(ProctoringSettings settings) {
        if (status == ExamStatus.ARCHIVED) {
            throw new RuleViolationException("EXAM_ARCHIVED", "Exam " + id + " is archived");
        }
        this.proctoring = Objects.requireNonNull(settings);
    }

    /**
     * New settings: title, instructions, availability window, duration and passing score. A draft changes freely. A
     * published exam keeps what a started attempt relies on: once an attempt has started (it took the duration, passed
     * the window and is scored against the passing score) the duration, passing score and the window's start stay,
     * and its end may only move later (or open). Title and instructions may always be corrected. An archived exam is
     * history.
     *
     * @param attemptsStarted whether any attempt of this exam has started
     * @return what changed, "field: old -> new; ..." (empty when nothing did)
     */
    public String changeSettings(String title, String instructions, Duration duration, Instant from, Instant until,
                                 BigDecimal passingScore, boolean attemptsStarted) {
        if (status == ExamStatus.ARCHIVED) {
            throw new RuleViolationException("EXAM_ARCHIVED", "Exam " + id + " is archived");
        }
        if (title == null || title.isBlank()) {
            throw new InvalidInputException("An exam needs a title");
        }
        if (title.length() > 200) {
            throw new InvalidInputException("A title is at most 200 characters");
        }
        if (instructions != null && instructions.length() > MAX_INSTRUCTIONS) {
            throw new InvalidInputException("Instructions are at most " + MAX_INSTRUCTIONS + " characters");
        }
        checkDuration(duration);
        if (from != null && until != null && !from.isBefore(until)) {
            throw new InvalidInputException("The availability window must end after it starts");
        }
        if (passingScore == null || passingScore.signum() < 0 || passingScore.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidInputException("The passing score is a percentage 0..100");
        }
        BigDecimal passing = Decimals.bounded("The passing score", passingScore, 3, 2).setScale(2, RoundingMode.HALF_UP);
        boolean frozen = status == ExamStatus.PUBLISHED && attemptsStarted;
        if (frozen) {
            if (duration.toSeconds() != durationSeconds) {
                throw new RuleViolationException("EXAM_ATTEMPTS_STARTED", "The duration cannot change once an attempt"
                        + " of the exam has started; extend a running attempt's time from the proctor's page instead");
            }
            if (passing.compareTo(passingScore()) != 0) {
                throw new RuleViolationException("EXAM_ATTEMPTS_STARTED",
                        "The passing score cannot change once an attempt of the exam has started");
            }
            if (!Objects.equals(from, availableFrom)) {
                throw new RuleViolationException("EXAM_ATTEMPTS_STARTED",
                        "The window's start cannot change once an attempt of the exam has started");
            }
            // null is an open end: the latest end there is
            boolean earlier = until != null && (availableUntil == null || until.isBefore(availableUntil));
            if (earlier) {
                throw new RuleViolationException("EXAM_ATTEMPTS_STARTED",
                        "Once an attempt has started the window's end may only be extended, not brought forward");
            }
        }
        String blankInstructions = instructions == null || instructions.isBlank() ? null : instructions;
        StringBuilder changes = new StringBuilder();
        change(changes, "title", this.title, title);
        change(changes, "instructions", this.instructions, blankInstructions);
        change(changes, "duration", duration(), duration);
        change(changes, "availableFrom", availableFrom, from);
        change(changes, "availableUntil", availableUntil, until);
        if (passing.compareTo(this.passingScore) != 0) {
            change(changes, "passingScore", this.passingScore, passing);
        }
        this.title = title;
        this.instructions = blankInstructions;
        this.durationSeconds = duration.toSeconds();
        this.availableFrom = from;
        this.availableUntil = until;
        this.passingScore = passing;
        return changes.toString();
    }

    /** One second up to {@link #MAX_DURATION} (a bound, so that deadlines stay far from overflowing). */
    private static void checkDuration(Duration duration) {
        if (duration == null || duration.toSeconds() < 1 || duration.compareTo(MAX_DURATION) > 0) {
            throw new InvalidInputException("The duration must be at least one second and at most "
                    + MAX_DURATION.toDays() + " days");
        }
    }

    private static void change(StringBuilder changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.append(changes.isEmpty() ? "" : "; ").append(field).append(": ").append(before).append(" -> ")
                    .append(after);
        }
    }

    /** How long media of this exam is kept once nothing needs it (null: the retention job's default). */
    public void retainMediaFor(Integer days) {
        if (days != null && (days < MIN_MEDIA_RETENTION_DAYS || days > MAX_MEDIA_RETENTION_DAYS)) {
            throw new InvalidInputException("Media retention is " + MIN_MEDIA_RETENTION_DAYS + ".."
                    + MAX_MEDIA_RETENTION_DAYS + " days, was " + days);
        }
        this.mediaRetentionDays = days;
    }

    public static final int MAX_INSTRUCTIONS = 20_000;
    public static final Duration MAX_DURATION = Duration.ofDays(7);
    public static final int MIN_MEDIA_RETENTION_DAYS = 1;
    public static final int MAX_MEDIA_RETENTION_DAYS = 3650;

    public Integer mediaRetentionDays() { return mediaRetentionDays; }

    public BigDecimal maxScore() {
        return Scoring.sum(questions.stream().map(Question::points).toList());
    }

    public String id() { return id; }
    public String title() { return title; }
    public String instructions() { return instructions; }
    public Duration duration() { return Duration.ofSeconds(durationSeconds); }
    public Instant availableFrom() { return availableFrom; }
    public Instant availableUntil() { return availableUntil; }
    public BigDecimal passingScore() { return passingScore; }
    public boolean shuffleQuestions() { return shuffleQuestions; }
    public boolean shuffleChoices() { return shuffleChoices; }
    public ProctoringSettings proctoring() { return proctoring; }
    public ExamStatus status() { return status; }
    public String createdBy() { return createdBy; }
    public List<Question> questions() { return List.copyOf(questions); }
}
