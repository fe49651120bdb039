package org.campusproctor.domain.attempt;

import org.campusproctor.domain.RuleViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.Set;

import static org.campusproctor.domain.attempt.AttemptStatus.*;
import static org.campusproctor.domain.attempt.AttemptStateMachineTest.T0;
import static org.campusproctor.domain.attempt.AttemptStateMachineTest.attemptIn;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The "still open" and "completed" guards of the aggregate, in every status. */
class AttemptGuardsTest {

    /** The final states, written out independently of {@link AttemptStatus#isCompleted()}. */
    static final Set<AttemptStatus> COMPLETED = Set.of(SUBMITTED, EXPIRED, TERMINATED, ERROR);

    @ParameterizedTest(name = "{0}")
    @EnumSource(AttemptStatus.class)
    void requireNotCompletedRefusesOnlyCompletedAttempts(AttemptStatus status) {
        ExamAttempt attempt = attemptIn(status, false);
        if (COMPLETED.contains(status)) {
            RuleViolationException e = assertThrows(RuleViolationException.class, attempt::requireNotCompleted);
            assertEquals("ATTEMPT_COMPLETED", e.code());
            assertEquals("Attempt a1 is " + status, e.getMessage());
        } else {
            assertDoesNotThrow(attempt::requireNotCompleted);
        }
        assertEquals(status, attempt.status(), "a guard changes nothing");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(AttemptStatus.class)
    void requireCompletedRefusesOnlyOpenAttempts(AttemptStatus status) {
        ExamAttempt attempt = attemptIn(status, false);
        if (COMPLETED.contains(status)) {
            assertDoesNotThrow(attempt::requireCompleted);
        } else {
            RuleViolationException e = assertThrows(RuleViolationException.class, attempt::requireCompleted);
            assertEquals("ATTEMPT_NOT_COMPLETED", e.code());
            assertEquals("Attempt a1 is still " + status, e.getMessage());
        }
        assertEquals(status, attempt.status(), "a guard changes nothing");
    }

    @Test
    void extendingACompletedAttemptSaysWhy() {
        ExamAttempt attempt = attemptIn(TERMINATED, false);
        RuleViolationException e = assertThrows(RuleViolationException.class, () -> attempt.extend(Duration.ofMinutes(1), T0));
        assertEquals("ATTEMPT_COMPLETED", e.code());
        assertEquals("Attempt a1 is TERMINATED; time can no longer be added", e.getMessage());
    }

    @Test
    void scoresAreRecordedOnlyOnCompletedAttempts() {
        ExamAttempt attempt = attemptIn(IN_PROGRESS, false);
        RuleViolationException e = assertThrows(RuleViolationException.class,
                () -> attempt.recordScore(java.math.BigDecimal.ONE, java.math.BigDecimal.TEN, true));
        assertEquals("ATTEMPT_NOT_COMPLETED", e.code());
    }
}
