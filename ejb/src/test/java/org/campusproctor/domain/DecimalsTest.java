package org.campusproctor.domain;

import org.campusproctor.domain.attempt.Answer;
import org.campusproctor.domain.exam.AnswerKey;
import org.campusproctor.domain.exam.Exam;
import org.campusproctor.domain.exam.QuestionType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Decimals a registrar, proctor or grader sends are refused by size before they are rounded: {@code 1e-1000000000}
 * lies within 0..100, yet rounding it to 2 decimals would compute a power of ten of a billion digits.
 */
class DecimalsTest {

    private static final Instant FROM = Instant.parse("2026-06-01T08:00:00Z");
    private static final BigDecimal TINY = new BigDecimal("1e-1000000000");
    private static final BigDecimal HUGE = new BigDecimal("1e+1000000000");

    private static Exam exam(BigDecimal passingScore) {
        return new Exam("exam-1", "Algebra", null, Duration.ofHours(1), FROM, null, passingScore, false, false, null,
                "registrar", FROM.minusSeconds(86400));
    }

    @Test
    void ordinaryValuesAreReturnedAsTheyAre() {
        assertEquals(new BigDecimal("62.5"), Decimals.bounded("x", new BigDecimal("62.5"), 3, 2));
        assertEquals(new BigDecimal("0.125"), Decimals.bounded("x", new BigDecimal("0.125"), 3, 2));
        assertEquals(new BigDecimal("62.50"), exam(new BigDecimal("62.5")).passingScore());
    }

    @Test
    @Timeout(10) // a guard against hanging, not a speed target: unbounded rounding takes minutes or runs out of memory
    void valuesOfHugeScaleOrExponentAreRefusedBeforeAnyRounding() {
        assertThrows(InvalidInputException.class, () -> exam(TINY));
        Exam exam = exam(BigDecimal.TEN);
        assertThrows(InvalidInputException.class, () -> exam.changeSettings("Algebra", null, Duration.ofHours(1), FROM,
                null, TINY, false));
        assertThrows(InvalidInputException.class, () -> exam.addQuestion(QuestionType.TRUE_FALSE, "1 + 1 = 2", TINY,
                List.of(), AnswerKey.trueFalse(true)));
        assertThrows(InvalidInputException.class, () -> exam.addQuestion(QuestionType.TRUE_FALSE, "1 + 1 = 2", HUGE,
                List.of(), AnswerKey.trueFalse(true)));
        Answer essay = new Answer("answer-1", "attempt-1", "question-1", "An essay", "save-1", 1, FROM);
        assertThrows(InvalidInputException.class, () -> essay.grade(TINY, BigDecimal.TEN, "registrar", null));
        assertThrows(InvalidInputException.class, () -> Decimals.bounded("x", new BigDecimal("12345"), 4, 2));
    }

    @Test
    void questionPointsHaveAnUpperBound() {
        Exam exam = exam(BigDecimal.TEN);
        assertThrows(InvalidInputException.class, () -> exam.addQuestion(QuestionType.TRUE_FALSE, "1 + 1 = 2",
                new BigDecimal("1000.01"), List.of(), AnswerKey.trueFalse(true)));
        exam.addQuestion(QuestionType.TRUE_FALSE, "1 + 1 = 2", new BigDecimal("1000"), List.of(), AnswerKey.trueFalse(true));
    }
}
