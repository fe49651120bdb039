package org.campusproctor.domain.exam;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.campusproctor.domain.Decimals;
import org.campusproctor.domain.InvalidInputException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One question of an exam's bank, with its answer key. Lists are stored as text (options and accepted answers one
 * per line, correct option indexes comma-separated): they are read and written whole, never queried.
 */
@Entity
@Table(name = "exam_question")
public class Question {

    /** The most points one question is worth (the column keeps 6 integer digits; no exam needs more). */
    public static final BigDecimal MAX_POINTS = new BigDecimal("1000");

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "exam_id", nullable = false, updatable = false)
    private Exam exam;

    @Column(nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private QuestionType type;

    @Column(nullable = false)
    private String prompt;

    @Column(nullable = false, precision = 8, scale = 2)
    private BigDecimal points;

    private String choices;

    @Column(name = "correct_choices", length = 200)
    private String correctChoices;

    @Column(name = "correct_boolean")
    private Boolean correctBoolean;

    @Column(name = "accepted_answers")
    private String acceptedAnswers;

    @Column(name = "case_sensitive", nullable = false)
    private boolean caseSensitive;

    @Column(name = "numeric_answer", precision = 30, scale = 10)
    private BigDecimal numericAnswer;

    @Column(name = "numeric_tolerance", precision = 30, scale = 10)
    private BigDecimal numericTolerance;

    @Version
    private long version;

    protected Question() {
        // for JPA
    }

    Question(String id, Exam exam, int position, QuestionType type, String prompt, BigDecimal points,
             List<String> choices, AnswerKey key) {
        if (prompt == null || prompt.isBlank()) {
            throw new InvalidInputException("A question needs a prompt");
        }
        if (points == null || points.signum() < 0 || points.compareTo(MAX_POINTS) > 0) {
            throw new InvalidInputException("Points must be 0.." + MAX_POINTS);
        }
        this.id = id;
        this.exam = exam;
        this.position = position;
        this.type = type;
        this.prompt = prompt;
        this.points = Decimals.bounded("Points", points, 4, 2).setScale(2, RoundingMode.HALF_UP);
        List<String> options = choices == null ? List.of() : choices;
        if (type.isChoice()) {
            if (options.size() < 2) {
                throw new InvalidInputException(type + " needs at least two options");
            }
            for (String option : options) {
                if (option == null || option.isBlank() || option.contains("\n")) {
                    throw new InvalidInputException("Options must be non-blank single lines");
                }
            }
            this.choices = String.join("\n", options);
        } else if (!options.isEmpty()) {
            throw new InvalidInputException(type + " takes no options");
        }
        changeKey(key);
    }

    /** A draft's question rewritten: prompt, points, options and key (its type stays). */
    void edit(String newPrompt, BigDecimal newPoints, List<String> newChoices, AnswerKey key) {
        Question checked = new Question(id, exam, position, type, newPrompt, newPoints, newChoices, key); // same rules
        this.prompt = checked.prompt;
        this.points = checked.points;
        this.choices = checked.choices;
        changeKey(key);
    }

    /** Replaces the answer key; the caller re-scores submitted attempts. */
    public void changeKey(AnswerKey key) {
        AnswerKey k = key == null ? AnswerKey.none() : key;
        correctChoices = null;
        correctBoolean = null;
        acceptedAnswers = null;
        caseSensitive = false;
        numericAnswer = null;
        numericTolerance = null;
        switch (type) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                int count = choices().size();
                if (k.correctChoices().isEmpty() || k.correctChoices().stream().anyMatch(i -> i < 0 || i >= count)) {
                    throw new InvalidInputException("Correct options must be indexes 0.." + (count - 1));
                }
                if (type == QuestionType.SINGLE_CHOICE && k.correctChoices().size() != 1) {
                    throw new InvalidInputException("A single-choice question has exactly one correct option");
                }
                correctChoices = new TreeSet<>(k.correctChoices()).stream().map(String::valueOf)
                        .collect(Collectors.joining(","));
            }
            case TRUE_FALSE -> {
                if (k.correctBoolean() == null) {
                    throw new InvalidInputException("A true/false question needs the correct value");
                }
                correctBoolean = k.correctBoolean();
            }
            case SHORT_TEXT -> {
                if (k.acceptedAnswers().isEmpty() || k.acceptedAnswers().stream().anyMatch(a -> a == null || a.isBlank() || a.contains("\n"))) {
                    throw new InvalidInputException("A short-text question needs accepted answers (single lines)");
                }
                acceptedAnswers = String.join("\n", k.acceptedAnswers());
                caseSensitive = k.caseSensitive();
            }
            case NUMERIC -> {
                if (k.numericAnswer() == null) {
                    throw new InvalidInputException("A numeric question needs the correct value");
                }
                numericAnswer = storable("The correct value", k.numericAnswer());
                numericTolerance = storable("The tolerance", k.tolerance() == null ? BigDecimal.ZERO : k.tolerance().abs());
            }
            case ESSAY -> {
                // graded by a person
            }
        }
    }

    /**
     * A key value as its column keeps it (20 integer and 10 decimal digits, rounded like the database would). The
     * bounds are checked before rounding: rounding a value of huge scale would itself cost unbounded time.
     */
    private static BigDecimal storable(String what, BigDecimal value) {
        Decimals.bounded(what, value, 20, 10);
        return value.scale() > 10 ? value.setScale(10, RoundingMode.HALF_UP) : value;
    }

    /** Refuses (400) a response this question can never accept (see {@link Responses#check}). */
    public void checkResponse(String response) {
        Responses.check(type, response);
    }

    public AnswerKey key() {
        return switch (type) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> AnswerKey.choices(Arrays.stream(correctChoices.split(","))
                    .map(Integer::valueOf).collect(Collectors.toSet()));
            case TRUE_FALSE -> AnswerKey.trueFalse(correctBoolean);
            case SHORT_TEXT -> AnswerKey.text(List.of(acceptedAnswers.split("\n")), caseSensitive);
            case NUMERIC -> AnswerKey.numeric(numericAnswer, numericTolerance);
            case ESSAY -> AnswerKey.none();
        };
    }

    /** The automatic score of a response, or empty for an essay (manual grading). */
    public Optional<BigDecimal> autoScore(String response) {
        return Scoring.score(type, key(), points, choices().size(), response);
    }

    public List<String> choices() {
        return choices == null || choices.isEmpty() ? List.of() : List.of(choices.split("\n"));
    }

    public String id() { return id; }
    public Exam exam() { return exam; }
    public int position() { return position; }
    public QuestionType type() { return type; }
    public String prompt() { return prompt; }
    public BigDecimal points() { return points; }

    Set<Integer> correctChoiceSet() {
        return key().correctChoices();
    }
}
