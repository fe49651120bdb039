package org.campusproctor.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.campusproctor.domain.Ids;
import org.campusproctor.domain.NotFoundException;
import org.campusproctor.domain.attempt.AttemptStatus;
import org.campusproctor.domain.attempt.ExamAttempt;
import org.campusproctor.domain.attempt.TimelineEntry;
import org.campusproctor.domain.exam.AnswerKey;
import org.campusproctor.domain.exam.Exam;
import org.campusproctor.domain.exam.ProctoringSettings;
import org.campusproctor.domain.exam.Question;
import org.campusproctor.domain.exam.QuestionType;
import org.campusproctor.domain.identity.Role;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

/** Registrars author exams: settings, question bank, publication, and answer-key corrections (with re-scoring). */
@Stateless
@RolesAllowed({Role.REGISTRAR_NAME, Role.ADMIN_NAME})
public class ExamAuthoring {

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext session;

    @Inject
    private AuditLog audit;

    @Inject
    private AttemptScorer scorer;

    @Inject
    private AttemptJournal journal;

    public Exam createExam(@NotBlank String title, String instructions, @NotNull Duration duration, Instant availableFrom,
                           Instant availableUntil, @NotNull BigDecimal passingScore, boolean shuffleQuestions,
                           boolean shuffleChoices, ProctoringSettings proctoring) {
        Exam exam = new Exam(Ids.newId(), title, instructions, duration, availableFrom, availableUntil, passingScore,
                shuffleQuestions, shuffleChoices, proctoring, caller(), Instant.now());
        em.persist(exam);
        audit.record("EXAM_CREATED", "exam", exam.id(), title);
        return exam;
    }

    public Question addQuestion(@NotBlank String examId, @NotNull QuestionType type, @NotBlank String prompt,
                                @NotNull BigDecimal points, List<String> choices, AnswerKey key) {
        Exam exam = exam(examId, true);
        Question question = exam.addQuestion(type, prompt, points, choices, key);
        em.flush();
        audit.record("QUESTION_ADDED", "exam", examId, question.id() + " " + type);
        return question;
    }

    public Question editQuestion(@NotBlank String examId, @NotBlank String questionId, @NotNull QuestionType type,
                                 @NotBlank String prompt, @NotNull BigDecimal points, List<String> choices, AnswerKey key) {
        Exam exam = exam(examId, true);
        Question question = exam.editQuestion(questionId, type, prompt, points, choices, key);
        em.flush();
        audit.record("QUESTION_EDITED", "exam", examId, questionId);
        return question;
    }

    public Exam publish(@NotBlank String examId) {
        Exam exam = exam(examId, true);
        exam.publish();
        audit.record("EXAM_PUBLISHED", "exam", examId, null);
        return exam;
    }

    public Exam archive(@NotBlank String examId) {
        Exam exam = exam(examId, true);
        exam.archive();
        audit.record("EXAM_ARCHIVED", "exam", examId, null);
        return exam;
    }

    /** What a key change did: completed attempts re-scored, and those left as they were because their review is FINAL. */
    public record KeyChange(int rescoredAttempts, int skippedFinalAttempts) {
    }

    /**
     * Corrects an answer key and re-scores every completed attempt of the exam whose review is not FINAL (a FINAL
     * review's outcome stands; those attempts are counted, not changed).
     */
    public KeyChange changeAnswerKey(@NotBlank String examId, @NotBlank String questionId, @NotNull AnswerKey key) {
        Exam exam = exam(examId, true);
        exam.question(questionId).changeKey(key);
        em.flush();
        List<ExamAttempt> completed = em.createNamedQuery(ExamAttempt.COMPLETED_FOR_EXAM, ExamAttempt.class)
                .setParameter("examId", examId)
                .setParameter("statuses", EnumSet.of(AttemptStatus.SUBMITTED, AttemptStatus.EXPIRED,
                        AttemptStatus.TERMINATED, AttemptStatus.ERROR))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        int rescored = 0;
        int skipped = 0;
        for (ExamAttempt attempt : completed) {
            if (attempt.reviewFinal()) {
                skipped++;
                continue;
            }
            scorer.score(attempt);
            journal.log(attempt, caller(), TimelineEntry.Kind.GRADING, "RESCORED", "answer key of " + questionId + " changed");
            rescored++;
        }
        audit.record("ANSWER_KEY_CHANGED", "exam", examId, questionId + " re-scored " + rescored
                + " attempt(s), skipped " + skipped + " with a FINAL review");
        return new KeyChange(rescored, skipped);
    }

    /** Exams whose title or id contains the query, newest first. */
    public Page<Exam> exams(String query, int page, int size) {
        Page.check(page, size);
        String like = Page.contains(query);
        String where = " FROM Exam e WHERE LOWER(e.title) LIKE :q ESCAPE '\\' OR LOWER(e.id) LIKE :q ESCAPE '\\'";
        long total = em.createQuery("SELECT COUNT(e)" + where, Long.class).setParameter("q", like).getSingleResult();
        List<Exam> items = em.createQuery("SELECT e" + where + " ORDER BY e.createdAt DESC, e.id", Exam.class)
                .setParameter("q", like).setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Page<>(items, total, page, size);
    }

    /**
     * Changes how the exam is proctored and its incident-threshold overrides (validated by
     * {@link org.campusproctor.contract.vision.IncidentThresholds#validated}; null or empty: the defaults), also after
     * publication: the next frames carry the new thresholds. Audited with the old and new values of what changed.
     */
    public Exam changeProctoring(@NotBlank String examId, @NotNull ProctoringSettings settings,
                                 java.util.Map<String, ? extends Number> thresholds) {
        return changeProctoring(exam(examId, true), settings, thresholds);
    }

    /**
     * Only the exam's incident-threshold overrides, replaced (null or empty: the defaults), the rest of its proctoring
     * settings kept; as {@link #changeProctoring(String, ProctoringSettings, java.util.Map)}.
     */
    public Exam changeIncidentThresholds(@NotBlank String examId, java.util.Map<String, ? extends Number> overrides) {
        Exam exam = exam(examId, true);
        changeProctoring(exam, exam.proctoring(), overrides);
        exam.questions(); // loaded inside the transaction for the caller's view
        return exam;
    }

    private Exam changeProctoring(Exam exam, ProctoringSettings settings, java.util.Map<String, ? extends Number> thresholds) {
        ProctoringSettings before = exam.proctoring();
        ProctoringSettings after = settings.withIncidentThresholds(thresholds);
        String changes = after.changesFrom(before);
        exam.changeProctoring(after);
        audit.record("EXAM_PROCTORING_CHANGED", "exam", exam.id(), changes.isEmpty() ? "nothing changed" : changes);
        return exam;
    }

    /**
     * Changes the exam's title, instructions, availability window, duration and passing score, within the rules of
     * {@link Exam#changeSettings} (whether an attempt has started is counted here, under the exam's row lock).
     * Audited with the old and new values of what changed.
     */
    public Exam changeSettings(@NotBlank String examId, @NotBlank String title, String instructions,
                               @NotNull Duration duration, Instant availableFrom, Instant availableUntil,
                               @NotNull BigDecimal passingScore) {
        Exam exam = exam(examId, true);
        // an attempt holds the duration from its creation on (CREATED, before the identity check), so every one counts
        boolean attemptsStarted = em.createNamedQuery(ExamAttempt.COUNT_FOR_EXAM, Long.class)
                .setParameter("examId", examId).getSingleResult() > 0;
        String changes = exam.changeSettings(title, instructions, duration, availableFrom, availableUntil,
                passingScore, attemptsStarted);
        audit.record("EXAM_SETTINGS_CHANGED", "exam", examId, changes.isEmpty() ? "nothing changed" : changes);
        exam.questions(); // loaded inside the transaction for the caller's view
        return exam;
    }

    /** How long the exam's media is kept once nothing needs it (null: the retention job's default). */
    public Exam retainMediaFor(@NotBlank String examId, Integer days) {
        Exam exam = exam(examId, true);
        exam.retainMediaFor(days);
        audit.record("EXAM_MEDIA_RETENTION_CHANGED", "exam", examId, days == null ? "default" : days + " days");
        return exam;
    }

    public Exam find(@NotBlank String examId) {
        Exam exam = exam(examId, false);
        exam.questions(); // loaded inside the transaction for the caller
        return exam;
    }

    private Exam exam(String examId, boolean lock) {
        Exam exam = lock ? em.find(Exam.class, examId, LockModeType.PESSIMISTIC_WRITE) : em.find(Exam.class, examId);
        if (exam == null) {
            throw new NotFoundException("Exam", examId);
        }
        return exam;
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
