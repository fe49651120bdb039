package org.campusproctor.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.campusproctor.domain.InvalidInputException;
import org.campusproctor.domain.NotFoundException;
import org.campusproctor.domain.RuleViolationException;
import org.campusproctor.domain.exam.AnswerKey;
import org.campusproctor.domain.exam.Exam;
import org.campusproctor.domain.exam.ExamStatus;
import org.campusproctor.domain.exam.Question;
import org.campusproctor.domain.exam.QuestionType;
import org.campusproctor.domain.identity.Role;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An exam's question bank as a file: exported as JSON (format {@value #FORMAT}, answer keys included, so only
 * registrars and admins may have it, and every export is audited) and imported into a draft exam. An import is
 * bounded ({@value #MAX_BYTES} bytes, {@value #MAX_QUESTIONS} questions), checks every question by the editor's rules
 * and adds all of them or none: the first bad one is named ("question 3: ...") and nothing is added.
 */
@Stateless
@RolesAllowed({Role.REGISTRAR_NAME, Role.ADMIN_NAME})
public class QuestionBankFiles {

    public static final int FORMAT = 1;
    public static final int MAX_BYTES = 1 << 20;
    public static final int MAX_QUESTIONS = 500;
    /** The editor's bounds (its form fields say the same). */
    public static final int MAX_PROMPT = 4000;

    /** The file: its format version, where it came from, and the questions in order. */
    public record QuestionBank(Integer format, String exam, String title, Instant exportedAt, List<Item> questions) {
    }

    /** One question with its key; only the key fields of its type are set (like the REST API's question body). */
    public record Item(String type, String prompt, BigDecimal points, List<String> choices, List<Integer> correctChoices,
                       Boolean correctBoolean, List<String> acceptedAnswers, Boolean caseSensitive,
                       BigDecimal numericAnswer, BigDecimal tolerance) {
    }

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withFormatting(true));

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditLog audit;

    /** The exam's questions as a question-bank file (UTF-8 JSON). */
    public byte[] export(@NotBlank String examId) {
        Exam exam = exam(examId, false);
        List<Item> items = exam.questions().stream().map(QuestionBankFiles::item).toList();
        audit.record("QUESTIONS_EXPORTED", "exam", examId, items.size() + " question(s) with their keys");
        return toJson(new QuestionBank(FORMAT, exam.id(), exam.title(), Instant.now(), items));
    }

    /**
     * Adds the file's questions to a draft exam, after the ones it has; all or none.
     *
     * @return how many questions were added
     */
    public int importFile(@NotBlank String examId, @NotNull byte[] file) {
        QuestionBank bank = parse(file);
        List<Item> items = bank.questions();
        Exam exam = exam(examId, true);
        if (exam.status() != ExamStatus.DRAFT) {
            throw new RuleViolationException("EXAM_NOT_DRAFT", "Questions can only be imported into a draft exam; "
                    + examId + " is " + exam.status());
        }
        addAll(exam, items); // on a refusal the transaction rolls back: none of the file's questions stays
        em.flush();
        audit.record("QUESTIONS_IMPORTED", "exam", examId, items.size() + " question(s)"
                + (bank.exam() == null ? "" : " from exam " + bank.exam()));
        return items.size();
    }

    /** The file read as a question bank of this format with 1..{@value #MAX_QUESTIONS} questions. */
    static QuestionBank parse(byte[] file) {
        if (file.length > MAX_BYTES) {
            throw new InvalidInputException("A question-bank file is at most " + MAX_BYTES + " bytes");
        }
        QuestionBank bank;
        try {
            bank = JSONB.fromJson(new String(file, StandardCharsets.UTF_8), QuestionBank.class);
        } catch (JsonbException | ClassCastException | java.time.DateTimeException | NumberFormatException e) {
            throw new InvalidInputException("The file is not a question bank (JSON) of format " + FORMAT);
        }
        if (bank == null || !Objects.equals(bank.format(), FORMAT)) {
            throw new InvalidInputException("The file is not a question bank of format " + FORMAT);
        }
        int count = bank.questions() == null ? 0 : bank.questions().size();
        if (count == 0 || count > MAX_QUESTIONS) {
            throw new InvalidInputException("A question-bank file holds 1.." + MAX_QUESTIONS + " questions, this one "
                    + count);
        }
        return bank;
    }

    /** Adds the items to the exam in order; the first one the editor's rules refuse is named. */
    static void addAll(Exam exam, List<Item> items) {
        for (int i = 0; i < items.size(); i++) {
            try {
                add(exam, items.get(i));
            } catch (InvalidInputException e) {
                throw new InvalidInputException("question " + (i + 1) + ": " + e.getMessage());
            }
        }
    }

    /** The file's JSON of these questions. */
    static byte[] toJson(QuestionBank bank) {
        return JSONB.toJson(bank).getBytes(StandardCharsets.UTF_8);
    }

    private static void add(Exam exam, Item q) {
        if (q == null) {
            throw new InvalidInputException("no question");
        }
        QuestionType type;
        try {
            type = QuestionType.valueOf(String.valueOf(q.type()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("unknown type " + q.type());
        }
        if (q.prompt() != null && q.prompt().length() > MAX_PROMPT) {
            throw new InvalidInputException("a prompt is at most " + MAX_PROMPT + " characters");
        }
        if (q.points() == null || q.points().compareTo(Question.MAX_POINTS) > 0 || q.points().scale() > 2) {
            throw new InvalidInputException("points must be 0.." + Question.MAX_POINTS + " with at most 2 decimals");
        }
        List<String> choices = q.choices() == null ? List.of() : q.choices();
        if (choices.size() > 50) {
            throw new InvalidInputException("a question has at most 50 options");
        }
        // PostgreSQL stores no NUL in text: refused here as the file's mistake, not left to fail the statement
        List<String> texts = new ArrayList<>(choices);
        texts.add(q.prompt());
        if (q.acceptedAnswers() != null) {
            texts.addAll(q.acceptedAnswers());
        }
        if (texts.stream().anyMatch(t -> t != null && t.indexOf('\u0000') >= 0)) {
            throw new InvalidInputException("a text holds a NUL character");
        }
        exam.addQuestion(type, q.prompt(), q.points(), choices, key(type, q));
    }

    private static AnswerKey key(QuestionType type, Item q) {
        return switch (type) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                Set<Integer> correct = new HashSet<>();
                for (Integer i : q.correctChoices() == null ? List.<Integer>of() : q.correctChoices()) {
                    if (i == null) {
                        throw new InvalidInputException("a correct option is null");
                    }
                    correct.add(i);
                }
                yield AnswerKey.choices(correct);
            }
            case TRUE_FALSE -> q.correctBoolean() == null ? AnswerKey.none() : AnswerKey.trueFalse(q.correctBoolean());
            case SHORT_TEXT -> {
                List<String> accepted = q.acceptedAnswers() == null ? List.of() : q.acceptedAnswers();
                if (accepted.stream().anyMatch(Objects::isNull)) {
                    throw new InvalidInputException("A short-text question needs accepted answers (single lines)");
                }
                yield AnswerKey.text(accepted, Boolean.TRUE.equals(q.caseSensitive()));
            }
            case NUMERIC -> AnswerKey.numeric(q.numericAnswer(), q.tolerance());
            case ESSAY -> AnswerKey.none();
        };
    }

    static Item item(Question q) {
        AnswerKey k = q.key();
        QuestionType t = q.type();
        return new Item(t.name(), q.prompt(), q.points(), t.isChoice() ? q.choices() : null,
                t.isChoice() ? k.correctChoices().stream().sorted().toList() : null,
                t == QuestionType.TRUE_FALSE ? k.correctBoolean() : null,
                t == QuestionType.SHORT_TEXT ? k.acceptedAnswers() : null,
                t == QuestionType.SHORT_TEXT ? k.caseSensitive() : null,
                t == QuestionType.NUMERIC ? k.numericAnswer() : null,
                t == QuestionType.NUMERIC ? k.tolerance() : null);
    }

    private Exam exam(String examId, boolean lock) {
        Exam exam = examId.length() > 36 ? null : lock ? em.find(Exam.class, examId, LockModeType.PESSIMISTIC_WRITE)
                : em.find(Exam.class, examId);
        if (exam == null) {
            throw new NotFoundException("Exam", examId);
        }
        return exam;
    }
}
