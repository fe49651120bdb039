package org.campusproctor.domain.attempt;

import org.campusproctor.domain.InvalidInputException;
import org.campusproctor.domain.RuleViolationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Allowances, extensions and pauses against the deadline. */
class AttemptClockTest {

    static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    /** exam 60 min + 15 min extra time from the registration's allowance */
    static ExamAttempt started() {
        ExamAttempt a = new ExamAttempt("a", "r", "e", "c", "p", false, Duration.ofMinutes(60).plusMinutes(15), 7L, T0);
        a.markReady(T0);
        a.start(T0);
        return a;
    }

    @Test
    void deadlineIsStartPlusDurationPlusExtraTime() {
        ExamAttempt a = started();
        assertEquals(T0.plus(Duration.ofMinutes(75)), a.deadline());
        assertEquals(75 * 60, a.remainingSeconds(T0));
        assertTrue(a.acceptsAnswers(T0.plus(Duration.ofMinutes(74))));
        assertFalse(a.acceptsAnswers(T0.plus(Duration.ofMinutes(75))), "the deadline instant itself is too late");
        assertTrue(a.deadlinePassed(T0.plus(Duration.ofMinutes(75))));
    }

    @Test
    void proctorExtensionMovesTheDeadline() {
        ExamAttempt a = started();
        a.extend(Duration.ofMinutes(10), T0.plus(Duration.ofMinutes(30)));
        assertEquals(T0.plus(Duration.ofMinutes(85)), a.deadline());
        assertEquals(85 * 60, a.totalAllowedSeconds());
    }

    @Test
    void extensionBeforeStartCountsFromTheStart() {
        ExamAttempt a = new ExamAttempt("a", "r", "e", "c", "p", false, Duration.ofMinutes(30), 7L, T0);
        a.extend(Duration.ofMinutes(5), T0);
        assertEquals(35 * 60, a.remainingSeconds(T0));
        a.markReady(T0);
        a.start(T0.plusSeconds(100));
        assertEquals(T0.plusSeconds(100).plus(Duration.ofMinutes(35)), a.deadline());
    }

    @Test
    void pausedTimeDoesNotCount() {
        ExamAttempt a = started();
        Instant pauseAt = T0.plus(Duration.ofMinutes(20));
        a.pause(pauseAt);
        assertNull(a.deadline(), "a paused attempt has no deadline and cannot expire");
        assertEquals(55 * 60, a.remainingSeconds(pauseAt.plus(Duration.ofHours(3))), "the clock stands still");
        a.resume(pauseAt.plus(Duration.ofMinutes(12)));
        assertEquals(T0.plus(Duration.ofMinutes(75 + 12)), a.deadline());
        assertEquals(12 * 60, a.pausedSeconds());
        assertEquals(55 * 60, a.remainingSeconds(pauseAt.plus(Duration.ofMinutes(12))));
    }

    @Test
    void twoPausesAddUp() {
        ExamAttempt a = started();
        a.pause(T0.plusSeconds(60));
        a.resume(T0.plusSeconds(120));
        a.pause(T0.plusSeconds(180));
        a.resume(T0.plusSeconds(300));
        assertEquals(180, a.pausedSeconds());
        assertEquals(T0.plus(Duration.ofMinutes(75)).plusSeconds(180), a.deadline());
    }

    @Test
    void terminatingAPausedAttemptClosesThePause() {
        ExamAttempt a = started();
        a.pause(T0.plusSeconds(60));
        a.terminate(T0.plusSeconds(90), "left the room");
        assertEquals(30, a.pausedSeconds());
        assertEquals(0, a.remainingSeconds(T0.plusSeconds(90)));
    }

    @Test
    void noTimeCanBeAddedAfterTheEnd() {
        ExamAttempt a = started();
        a.submit(T0.plusSeconds(10));
        RuleViolationException e = assertThrows(RuleViolationException.class, () -> a.extend(Duration.ofMinutes(1), T0));
        assertEquals("ATTEMPT_COMPLETED", e.code());
    }

    @Test
    void extensionMustBePositive() {
        ExamAttempt a = started();
        assertThrows(org.campusproctor.domain.InvalidInputException.class, () -> a.extend(Duration.ZERO, T0));
    }

    @Test
    void extensionsAreBoundedOneByOneAndTogether() {
        ExamAttempt a = started();
        assertThrows(InvalidInputException.class, () -> a.extend(Duration.ofSeconds(Long.MAX_VALUE), T0));
        assertThrows(InvalidInputException.class, () -> a.extend(ExamAttempt.MAX_EXTENSION.plusSeconds(1), T0));
        a.extend(Duration.ofHours(20), T0);
        RuleViolationException e = assertThrows(RuleViolationException.class, () -> a.extend(Duration.ofHours(5), T0));
        assertEquals("EXTENSION_LIMIT", e.code());
        a.extend(Duration.ofHours(4), T0);
        assertEquals(24 * 3600, a.extensionSeconds());
        assertEquals(T0.plus(Duration.ofMinutes(75)).plus(Duration.ofHours(24)), a.deadline());
        assertEquals("EXTENSION_LIMIT", assertThrows(RuleViolationException.class, () -> a.extend(Duration.ofSeconds(1), T0)).code());
    }

    @Test
    void pastItsDeadlineAnAttemptCannotBePausedOrExtended() {
        ExamAttempt a = started();
        Instant afterDeadline = a.deadline().plusSeconds(1); // the sweep has not expired it yet
        assertEquals("DEADLINE_PASSED", assertThrows(RuleViolationException.class, () -> a.pause(afterDeadline)).code());
        assertEquals("DEADLINE_PASSED", assertThrows(RuleViolationException.class,
                () -> a.extend(Duration.ofMinutes(30), afterDeadline)).code());
        assertEquals(AttemptStatus.IN_PROGRESS, a.status());
        assertEquals(T0.plus(Duration.ofMinutes(75)), a.deadline(), "no time given back");
        a.expire(afterDeadline);
        assertEquals(AttemptStatus.EXPIRED, a.status());
    }

    @Test
    void pausingAtTheLastSecondKeepsThatSecond() {
        ExamAttempt a = started();
        a.pause(a.deadline().minusSeconds(1));
        a.resume(T0.plus(Duration.ofHours(5)));
        assertEquals(1, a.remainingSeconds(T0.plus(Duration.ofHours(5))));
    }
}
