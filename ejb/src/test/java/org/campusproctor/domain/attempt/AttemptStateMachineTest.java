package org.campusproctor.domain.attempt;

import org.campusproctor.domain.RuleViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.campusproctor.domain.attempt.AttemptStatus.*;

/** Every (from, to) pair of the attempt lifecycle, driven through the aggregate's own methods. */
class AttemptStateMachineTest {

    static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");

    /** The legal transitions, written out independently of the enum's table. */
    static final Set<String> LEGAL = Set.of(
            "CREATED>IDENTITY_CHECK", "CREATED>READY", "CREATED>TERMINATED", "CREATED>ERROR",
            "IDENTITY_CHECK>READY", "IDENTITY_CHECK>TERMINATED", "IDENTITY_CHECK>ERROR",
            "READY>IN_PROGRESS", "READY>TERMINATED", "READY>ERROR",
            "IN_PROGRESS>PAUSED", "IN_PROGRESS>SUBMITTED", "IN_PROGRESS>EXPIRED", "IN_PROGRESS>TERMINATED", "IN_PROGRESS>ERROR",
            "PAUSED>IN_PROGRESS", "PAUSED>TERMINATED", "PAUSED>ERROR");

    static Stream<Arguments> allPairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (AttemptStatus from : AttemptStatus.values()) {
            for (AttemptStatus to : AttemptStatus.values()) {
                if (to != CREATED) { // nothing ever moves back to CREATED: no method exists for it
                    pairs.add(Arguments.of(from, to, LEGAL.contains(from + ">" + to)));
                }
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1} legal={2}")
    @MethodSource("allPairs")
    void transition(AttemptStatus from, AttemptStatus to, boolean legal) {
        ExamAttempt attempt = attemptIn(from, false);
        // expiry needs the deadline behind us: a clock far in the future makes every other rule the deciding one
        Instant later = T0.plus(Duration.ofDays(1));
        Runnable action = () -> apply(attempt, from, to, later);
        assertEquals(legal, from.canBecome(to), "enum table agrees with the documented table");
        if (legal) {
            action.run();
            assertEquals(to, attempt.status());
        } else {
            assertThrows(IllegalTransitionException.class, action::run);
            assertEquals(from, attempt.status(), "an illegal transition changes nothing");
        }
    }

    @Test
    void candidateCannotSkipARequiredIdentityCheck() {
        ExamAttempt attempt = attemptIn(CREATED, true);
        RuleViolationException e = assertThrows(RuleViolationException.class, () -> attempt.markReady(T0));
        assertEquals("IDENTITY_CHECK_REQUIRED", e.code());
        attempt.beginIdentityCheck(T0);
        e = assertThrows(RuleViolationException.class, () -> attempt.markReady(T0));
        assertEquals("IDENTITY_NOT_VERIFIED", e.code(), "the candidate cannot approve their own identity check");
        assertEquals(IDENTITY_CHECK, attempt.status());
        assertThrows(IllegalTransitionException.class, () -> attempt.start(T0));

        attempt.identityVerified("proc", IdentityVerification.PROCTOR, T0.plusSeconds(30));
        assertEquals(READY, attempt.status());
        assertEquals("proc", attempt.identityVerifiedBy());
        assertEquals(IdentityVerification.PROCTOR, attempt.identityVerifiedMethod());
        assertEquals(T0.plusSeconds(30), attempt.identityVerifiedAt());
    }

    @Test
    void identityIsVerifiedOnlyDuringTheIdentityCheck() {
        for (AttemptStatus from : EnumSet.complementOf(EnumSet.of(IDENTITY_CHECK))) {
            ExamAttempt attempt = attemptIn(from, false);
            assertThrows(IllegalTransitionException.class,
                    () -> attempt.identityVerified("proc", IdentityVerification.FACE_MATCH, T0), from.name());
            assertEquals(from, attempt.status());
            assertNull(attempt.identityVerifiedBy());
        }
        ExamAttempt faceMatched = attemptIn(IDENTITY_CHECK, true);
        faceMatched.identityVerified("vision-worker", IdentityVerification.FACE_MATCH, T0);
        assertEquals(READY, faceMatched.status());
    }

    @Test
    void withoutAnIdentityCheckTheCandidateSaysReady() {
        ExamAttempt attempt = attemptIn(CREATED, false);
        attempt.markReady(T0);
        assertEquals(READY, attempt.status());
    }

    @Test
    void expiryIsRefusedBeforeTheDeadline() {
        ExamAttempt attempt = attemptIn(IN_PROGRESS, false);
        RuleViolationException e = assertThrows(RuleViolationException.class, () -> attempt.expire(T0.plusSeconds(10)));
        assertEquals("DEADLINE_NOT_PASSED", e.code());
        assertEquals(IN_PROGRESS, attempt.status());
    }

    @Test
    void submitAfterTheDeadlineIsRefused() {
        ExamAttempt attempt = attemptIn(IN_PROGRESS, false);
        RuleViolationException e = assertThrows(RuleViolationException.class, () -> attempt.submit(T0.plusSeconds(3600)));
        assertEquals("DEADLINE_PASSED", e.code());
    }

    @Test
    void completionOpensTheReview() {
        for (AttemptStatus end : EnumSet.of(SUBMITTED, EXPIRED, TERMINATED, ERROR)) {
            ExamAttempt attempt = attemptIn(IN_PROGRESS, false);
            apply(attempt, IN_PROGRESS, end, T0.plus(Duration.ofDays(1)));
            assertTrue(attempt.status().isCompleted());
            assertEquals(ReviewStatus.PENDING_REVIEW, attempt.reviewStatus());
            assertNull(attempt.deadline());
        }
    }

    @Test
    void terminationNeedsAReason() {
        ExamAttempt attempt = attemptIn(IN_PROGRESS, false);
        assertThrows(org.campusproctor.domain.InvalidInputException.class, () -> attempt.terminate(T0, " "));
    }

    /** Builds an attempt in the given state through legal steps only (exam duration 30 min, no extra time). */
    @Test
    void identityPhotoMatchIsReadyAnythingElseWaitsForAProctor() {
        ExamAttempt matched = attemptIn(CREATED, true);
        matched.admitIdentityPhoto(5, T0);
        assertEquals(IDENTITY_CHECK, matched.status(), "the first photo opens the identity check");
        matched.identityPhotoChecked("m1", IdentityCheckOutcome.MATCHED, 0.4, 0.61, "face-match", T0);
        assertEquals(READY, matched.status());
        assertEquals(IdentityVerification.FACE_MATCH, matched.identityVerifiedMethod());
        for (IdentityCheckOutcome o : IdentityCheckOutcome.values()) {
            if (o == IdentityCheckOutcome.MATCHED) {
                continue;
            }
            ExamAttempt waiting = attemptIn(CREATED, true);
            waiting.admitIdentityPhoto(5, T0);
            waiting.identityPhotoChecked("m2", o, o == IdentityCheckOutcome.MISMATCH ? 0.9 : null, 0.61, "face-match", T0);
            assertEquals(IDENTITY_CHECK, waiting.status(), o.name());
            assertTrue(waiting.identityCheckAwaitsProctor(), o.name());
            assertNull(waiting.identityVerifiedBy(), o.name());
        }
    }

    @Test
    void identityPhotosAreBoundedAndOnlyForExamsWithAnIdentityCheck() {
        ExamAttempt attempt = attemptIn(CREATED, true);
        for (int i = 0; i < 3; i++) {
            attempt.admitIdentityPhoto(3, T0);
        }
        assertEquals("IDENTITY_PHOTOS_EXHAUSTED",
                assertThrows(RuleViolationException.class, () -> attempt.admitIdentityPhoto(3, T0)).code());
        assertEquals("IDENTITY_CHECK_NOT_REQUIRED", assertThrows(RuleViolationException.class,
                () -> attemptIn(CREATED, false).admitIdentityPhoto(3, T0)).code());
        assertEquals("NOT_IN_IDENTITY_CHECK", assertThrows(RuleViolationException.class,
                () -> attemptIn(READY, true).admitIdentityPhoto(3, T0)).code());
    }

    static ExamAttempt attemptIn(AttemptStatus status, boolean identityCheck) {
        ExamAttempt a = new ExamAttempt("a1", "r1", "e1", "cand", "proc", identityCheck, Duration.ofMinutes(30), 42L, T0);
        switch (status) {
            case CREATED -> { }
            case IDENTITY_CHECK -> a.beginIdentityCheck(T0);
            case READY -> ready(a);
            case IN_PROGRESS -> { ready(a); a.start(T0); }
            case PAUSED -> { ready(a); a.start(T0); a.pause(T0.plusSeconds(60)); }
            case SUBMITTED -> { ready(a); a.start(T0); a.submit(T0.plusSeconds(60)); }
            case EXPIRED -> { ready(a); a.start(T0); a.expire(T0.plus(Duration.ofHours(1))); }
            case TERMINATED -> a.terminate(T0, "caught with notes");
            case ERROR -> a.fail(T0, "camera crashed");
        }
        assertEquals(status, a.status());
        return a;
    }

    /** READY as the exam wants it: the candidate's word, or a proctor's approval of the identity check. */
    static void ready(ExamAttempt a) {
        if (a.identityCheckRequired()) {
            a.beginIdentityCheck(T0);
            a.identityVerified("proc", IdentityVerification.PROCTOR, T0);
        } else {
            a.markReady(T0);
        }
    }

    static void apply(ExamAttempt a, AttemptStatus from, AttemptStatus to, Instant now) {
        switch (to) {
            case CREATED -> throw new IllegalArgumentException("no transition leads to CREATED");
            case IDENTITY_CHECK -> a.beginIdentityCheck(now);
            case READY -> a.markReady(now);
            case IN_PROGRESS -> {
                if (from == PAUSED) {
                    a.resume(now);
                } else {
                    a.start(now);
                }
            }
            case PAUSED -> a.pause(from == IN_PROGRESS ? T0.plusSeconds(120) : now); // before the deadline
            case SUBMITTED -> a.submit(from == IN_PROGRESS ? T0.plusSeconds(120) : now);
            case EXPIRED -> a.expire(now);
            case TERMINATED -> a.terminate(now, "proctor decision");
            case ERROR -> a.fail(now, "technical failure");
        }
    }
}
