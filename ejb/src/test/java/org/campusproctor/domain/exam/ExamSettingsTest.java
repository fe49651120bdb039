package org.campusproctor.domain.exam;

import org.campusproctor.domain.InvalidInputException;
import org.campusproctor.domain.RuleViolationException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExamSettingsTest {

    private static final Instant FROM = Instant.parse("2026-06-01T08:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-06-01T18:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final BigDecimal PASS = BigDecimal.valueOf(50);

    private static Exam draft() {
        return new Exam("exam-1", "Algebra", "Calculators allowed", HOUR, FROM, UNTIL, PASS, false, false, null,
                "registrar", FROM.minusSeconds(86400));
    }

    private static Exam published() {
        Exam exam = draft();
        exam.addQuestion(QuestionType.TRUE_FALSE, "1 + 1 = 2", BigDecimal.ONE, List.of(), AnswerKey.trueFalse(true));
        exam.publish();
        return exam;
    }

    @Test
    void aDraftChangesEverythingAndNamesEachChangeWithItsOldAndNewValue() {
        Exam exam = draft();
        String changes = exam.changeSettings("Algebra I", "", Duration.ofMinutes(90), FROM.plusSeconds(3600), null,
                new BigDecimal("62.5"), false);
        assertEquals("title: Algebra -> Algebra I; instructions: Calculators allowed -> null; duration: PT1H -> PT1H30M;"
                + " availableFrom: 2026-06-01T08:00:00Z -> 2026-06-01T09:00:00Z; availableUntil: 2026-06-01T18:00:00Z"
                + " -> null; passingScore: 50.00 -> 62.50", changes);
        assertEquals(Duration.ofMinutes(90), exam.duration());
        assertEquals(new BigDecimal("62.50"), exam.passingScore());
        assertNull(exam.availableUntil());
        assertNull(exam.instructions());
        assertEquals("", exam.changeSettings("Algebra I", null, Duration.ofMinutes(90), FROM.plusSeconds(3600), null,
                new BigDecimal("62.50"), false));
    }

    @Test
    void settingsAreValidatedAsWhenTheExamWasCreated() {
        Exam exam = draft();
        assertThrows(InvalidInputException.class, () -> exam.changeSettings(" ", null, HOUR, FROM, UNTIL, PASS, false));
        assertThrows(InvalidInputException.class, () -> exam.changeSettings("x".repeat(201), null, HOUR, FROM, UNTIL, PASS, false));
        assertThrows(InvalidInputException.class, () -> exam.changeSettings("A", null, Duration.ZERO, FROM, UNTIL, PASS, false));
        assertThrows(InvalidInputException.class,
                () -> exam.changeSettings("A", null, Duration.ofDays(8), FROM, UNTIL, PASS, false));
        assertThrows(InvalidInputException.class,
                () -> exam.changeSettings("A", "x".repeat(Exam.MAX_INSTRUCTIONS + 1), HOUR, FROM, UNTIL, PASS, false));
        assertThrows(InvalidInputException.class, () -> exam.changeSettings("A", null, HOUR, UNTIL, FROM, PASS, false));
        assertThrows(InvalidInputException.class, () -> exam.changeSettings("A", null, HOUR, FROM, FROM, PASS, false));
        assertThrows(InvalidInputException.class,
                () -> exam.changeSettings("A", null, HOUR, FROM, UNTIL, BigDecimal.valueOf(101), false));
        assertThrows(InvalidInputException.class,
                () -> exam.changeSettings("A", null, HOUR, FROM, UNTIL, BigDecimal.valueOf(-1), false));
        assertEquals("Algebra", exam.title()); // nothing changed by a refusal
    }

    @Test
    void aPublishedExamWithoutStartedAttemptsMayStillMoveItsWindowAndChangeDurationAndPassingScore() {
        Exam exam = published();
        exam.changeSettings("Algebra", "Calculators allowed", Duration.ofMinutes(45), FROM.plusSeconds(86400),
                UNTIL.plusSeconds(86400), BigDecimal.valueOf(40), false);
        assertEquals(Duration.ofMinutes(45), exam.duration());
        assertEquals(FROM.plusSeconds(86400), exam.availableFrom());
        assertEquals(new BigDecimal("40.00"), exam.passingScore());
    }

    @Test
    void onceAnAttemptHasStartedDurationPassingScoreAndWindowStartStay() {
        Exam exam = published();
        RuleViolationException duration = assertThrows(RuleViolationException.class,
                () -> exam.changeSettings("Algebra", "Calculators allowed", Duration.ofMinutes(30), FROM, UNTIL, PASS, true));
        assertEquals("EXAM_ATTEMPTS_STARTED", duration.code());
        assertThrows(RuleViolationException.class,
                () -> exam.changeSettings("Algebra", "Calculators allowed", HOUR, FROM, UNTIL, BigDecimal.valueOf(60), true));
        assertThrows(RuleViolationException.class,
                () -> exam.changeSettings("Algebra", "Calculators allowed", HOUR, FROM.minusSeconds(60), UNTIL, PASS, true));
        assertThrows(RuleViolationException.class,
                () -> exam.changeSettings("Algebra", "Calculators allowed", HOUR, null, UNTIL, PASS, true));
        assertThrows(RuleViolationException.class, // the end brought forward
                () -> exam.changeSettings("Algebra", "Calculators allowed", HOUR, FROM, UNTIL.minusSeconds(60), PASS, true));
        assertEquals(HOUR, exam.duration());
        assertEquals(UNTIL, exam.availableUntil());
        // the same passing score written differently is no change
        exam.changeSettings("Algebra", "Calculators allowed", HOUR, FROM, UNTIL, new BigDecimal("50.000"), true);
    }

    @Test
    void theEndMayAlwaysBeExtendedOrOpenedAndTitleAndInstructionsCorrected() {
        Exam exam = published();
        assertEquals("availableUntil: 2026-06-01T18:00:00Z -> 2026-06-01T20:00:00Z",
                exam.changeSettings("Algebra", "Calculators allowed", HOUR, FROM, UNTIL.plusSeconds(7200), PASS, true));
        exam.changeSettings("Algebra (resit)", "No calculators", HOUR, FROM, null, PASS, true);
        assertNull(exam.availableUntil());
        assertEquals("Algebra (resit)", exam.title());
        // an open end is the latest end: closing it again would bring it forward
        assertThrows(RuleViolationException.class,
                () -> exam.changeSettings("Algebra", null, HOUR, FROM, UNTIL.plusSeconds(86400), PASS, true));
    }

    @Test
    void anArchivedExamIsHistory() {
        Exam exam = published();
        exam.archive();
        RuleViolationException e = assertThrows(RuleViolationException.class,
                () -> exam.changeSettings("Algebra", "Calculators allowed", HOUR, FROM, UNTIL, PASS, false));
        assertEquals("EXAM_ARCHIVED", e.code());
    }

    @Test
    void aDraftIgnoresTheStartedFlagSinceADraftHasNoAttempts() {
        Exam exam = draft();
        exam.changeSettings("Algebra", null, Duration.ofMinutes(20), null, null, PASS, true);
        assertEquals(Duration.ofMinutes(20), exam.duration());
    }
}
