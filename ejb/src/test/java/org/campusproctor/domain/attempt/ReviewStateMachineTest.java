package org.campusproctor.domain.attempt;

import org.campusproctor.domain.RuleViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.campusproctor.domain.attempt.ReviewStatus.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every (from, to) pair of the review sub-machine, and the outcome it releases. */
class ReviewStateMachineTest {

    static final Set<String> LEGAL = Set.of("PENDING_REVIEW>CLEARED", "PENDING_REVIEW>SUSPICIOUS",
            "CLEARED>SUSPICIOUS", "CLEARED>FINAL", "SUSPICIOUS>CLEARED", "SUSPICIOUS>FINAL");

    static Stream<Arguments> allPairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (ReviewStatus from : ReviewStatus.values()) {
            for (ReviewStatus to : ReviewStatus.values()) {
                if (to != PENDING_REVIEW) {
                    pairs.add(Arguments.of(from, to, LEGAL.contains(from + ">" + to)));
                }
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1} legal={2}")
    @MethodSource("allPairs")
    void transition(ReviewStatus from, ReviewStatus to, boolean legal) {
        ExamAttempt attempt = reviewIn(from);
        Runnable action = () -> apply(attempt, to);
        assertEquals(legal, from.canBecome(to));
        if (legal) {
            action.run();
            assertEquals(to, attempt.reviewStatus());
        } else {
            assertThrows(IllegalTransitionException.class, action::run);
            assertEquals(from, attempt.reviewStatus());
        }
    }

    @Test
    void incompleteAttemptsCannotBeReviewed() {
        ExamAttempt attempt = AttemptStateMachineTest.attemptIn(AttemptStatus.IN_PROGRESS, false);
        RuleViolationException e = assertThrows(RuleViolationException.class, () -> attempt.clear("rev", AttemptStateMachineTest.T0));
        assertEquals("ATTEMPT_NOT_COMPLETED", e.code());
    }

    @Test
    void onlyAFinalReviewReleasesTheOutcome() {
        ExamAttempt attempt = reviewIn(PENDING_REVIEW);
        attempt.recordScore(new BigDecimal("8.00"), new BigDecimal("10.00"), true);
        BigDecimal pass = new BigDecimal("60");
        assertEquals(ExamAttempt.Outcome.PENDING_REVIEW, attempt.outcome(pass));
        attempt.clear("rev", AttemptStateMachineTest.T0);
        assertEquals(ExamAttempt.Outcome.PENDING_REVIEW, attempt.outcome(pass));
        attempt.finalizeReview("rev", AttemptStateMachineTest.T0);
        assertEquals(ExamAttempt.Outcome.PASSED, attempt.outcome(pass));

        ExamAttempt suspicious = reviewIn(SUSPICIOUS);
        suspicious.recordScore(new BigDecimal("10.00"), new BigDecimal("10.00"), true);
        suspicious.finalizeReview("second", AttemptStateMachineTest.T0);
        assertEquals(ExamAttempt.Outcome.VOIDED, suspicious.outcome(pass));
    }

    @Test
    void theCandidateSeesTheResultOnlyOnceReleased() {
        BigDecimal pass = new BigDecimal("60");
        ExamAttempt attempt = reviewIn(PENDING_REVIEW);
        attempt.recordScore(new BigDecimal("8.00"), new BigDecimal("10.00"), false); // an essay awaits its grade
        assertEquals(ExamAttempt.Outcome.PENDING_REVIEW, attempt.outcomeForCandidate(pass));
        attempt.markSuspicious("rev", "second face", AttemptStateMachineTest.T0);
        attempt.clear("rev", AttemptStateMachineTest.T0);
        attempt.finalizeReview("second", AttemptStateMachineTest.T0);
        assertEquals(ExamAttempt.Outcome.PENDING_GRADING, attempt.outcome(pass));
        assertFalse(attempt.resultReleased(), "FINAL, but the outcome waits for the grade");
        assertEquals(ExamAttempt.Outcome.PENDING_REVIEW, attempt.outcomeForCandidate(pass));
        attempt.requireGradable(true); // the pending essay may still be graded...
        assertEquals("REVIEW_FINAL", assertThrows(RuleViolationException.class, () -> attempt.requireGradable(false)).code(),
                "...but no answer the final decision saw");
        attempt.recordScore(new BigDecimal("9.00"), new BigDecimal("10.00"), true);
        assertTrue(attempt.resultReleased());
        assertEquals(ExamAttempt.Outcome.PASSED, attempt.outcomeForCandidate(pass));
        assertEquals("REVIEW_FINAL", assertThrows(RuleViolationException.class, () -> attempt.requireGradable(true)).code());
        assertEquals("REVIEW_FINAL", assertThrows(RuleViolationException.class,
                () -> attempt.recordScore(BigDecimal.ZERO, new BigDecimal("10.00"), true)).code(), "a released result stands");

        ExamAttempt voided = reviewIn(SUSPICIOUS);
        voided.recordScore(new BigDecimal("5.00"), new BigDecimal("10.00"), false);
        voided.finalizeReview("second", AttemptStateMachineTest.T0);
        assertTrue(voided.resultReleased(), "a voided attempt needs no grade");
        assertEquals(ExamAttempt.Outcome.VOIDED, voided.outcomeForCandidate(pass));
        assertThrows(RuleViolationException.class, () -> voided.requireGradable(true));

        ExamAttempt running = AttemptStateMachineTest.attemptIn(AttemptStatus.IN_PROGRESS, false);
        assertEquals(ExamAttempt.Outcome.IN_PROGRESS, running.outcomeForCandidate(pass));
    }

    @Test
    void aFinalReviewIsClosedToChanges() {
        for (ReviewStatus open : List.of(PENDING_REVIEW, CLEARED, SUSPICIOUS)) {
            ExamAttempt attempt = reviewIn(open);
            attempt.requireReviewOpen();
            attempt.requireGradable(false);
        }
        ExamAttempt attempt = reviewIn(FINAL);
        assertTrue(attempt.reviewFinal());
        assertEquals("REVIEW_FINAL", assertThrows(RuleViolationException.class, attempt::requireReviewOpen).code());
    }

    @Test
    void whoCalledItSuspiciousCannotMakeItFinalAlone() {
        ExamAttempt attempt = reviewIn(SUSPICIOUS);
        assertEquals("SECOND_REVIEW_REQUIRED", assertThrows(RuleViolationException.class,
                () -> attempt.finalizeReview("rev", AttemptStateMachineTest.T0)).code());
        attempt.clear("rev", AttemptStateMachineTest.T0); // changing their mind does not make them a second reviewer
        assertEquals("SECOND_REVIEW_REQUIRED", assertThrows(RuleViolationException.class,
                () -> attempt.finalizeReview("rev", AttemptStateMachineTest.T0)).code());
        assertEquals(CLEARED, attempt.reviewStatus());
        attempt.finalizeReview("second", AttemptStateMachineTest.T0);
        assertEquals(FINAL, attempt.reviewStatus());
        assertEquals("second", attempt.reviewedBy());

        ExamAttempt cleared = reviewIn(CLEARED);
        cleared.finalizeReview("rev", AttemptStateMachineTest.T0); // nobody suspected anything: one reviewer suffices
        assertEquals(FINAL, cleared.reviewStatus());
    }

    @Test
    void suspiciousNeedsAReason() {
        ExamAttempt attempt = reviewIn(PENDING_REVIEW);
        assertThrows(org.campusproctor.domain.InvalidInputException.class,
                () -> attempt.markSuspicious("rev", "", AttemptStateMachineTest.T0));
    }

    static ExamAttempt reviewIn(ReviewStatus status) {
        ExamAttempt a = AttemptStateMachineTest.attemptIn(AttemptStatus.SUBMITTED, false);
        switch (status) {
            case PENDING_REVIEW -> { }
            case CLEARED -> a.clear("rev", AttemptStateMachineTest.T0);
            case SUSPICIOUS -> a.markSuspicious("rev", "second face", AttemptStateMachineTest.T0);
            case FINAL -> { a.clear("rev", AttemptStateMachineTest.T0); a.finalizeReview("rev", AttemptStateMachineTest.T0); }
        }
        assertEquals(status, a.reviewStatus());
        return a;
    }

    static void apply(ExamAttempt a, ReviewStatus to) {
        switch (to) {
            case PENDING_REVIEW -> throw new IllegalArgumentException();
            case CLEARED -> a.clear("rev", AttemptStateMachineTest.T0);
            case SUSPICIOUS -> a.markSuspicious("rev", "phone visible", AttemptStateMachineTest.T0);
            case FINAL -> a.finalizeReview("second", AttemptStateMachineTest.T0);
        }
    }
}
