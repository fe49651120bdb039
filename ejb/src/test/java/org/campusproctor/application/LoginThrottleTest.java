package org.campusproctor.application;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleTest {

    private static final String HOME = "10.0.0.1";

    /** A clock the test moves by hand. */
    private static final class TestClock extends Clock {
        long millis = 1_000_000;

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final TestClock clock = new TestClock();
    private final LoginThrottle throttle = new LoginThrottle(clock, 5, 30, 900_000);

    private void fail(String username, String address, int times) {
        for (int i = 0; i < times; i++) {
            assertTrue(throttle.admit(username, address).allowed(), username + " failure " + (i + 1) + " let through");
            throttle.failed(username, address);
        }
    }

    @Test
    void fiveFailuresOfAUsernameRefuseItsLoginsWithAGrowingWait() {
        fail("ana", HOME, 5);
        LoginThrottle.Admission refused = throttle.admit("ana", HOME);
        assertFalse(refused.allowed());
        assertEquals(30, refused.retryAfterSeconds());
        assertTrue(refused.audit(), "the first refusal is audited");
        assertFalse(throttle.admit("ana", HOME).audit(), "later refusals of the same period are not written again");
        assertTrue(throttle.admit("bob", HOME).allowed(), "other usernames are not affected");
        throttle.succeeded("bob", HOME);

        clock.millis += 30_000;
        assertTrue(throttle.admit("ana", HOME).allowed(), "after the wait, one more try");
        assertFalse(throttle.admit("ana", HOME).allowed(), "one at a time once the limit was reached");
        throttle.failed("ana", HOME);
        LoginThrottle.Admission longer = throttle.admit("ana", HOME);
        assertEquals(60, longer.retryAfterSeconds(), "the wait doubles");
        assertTrue(longer.audit(), "a new refusal period is audited");
        clock.millis += 60_000;
        fail("ana", HOME, 1);
        assertEquals(120, throttle.admit("ana", HOME).retryAfterSeconds());
        for (int i = 0; i < 10; i++) {
            clock.millis += 900_000;
            fail("ana", HOME, 1);
        }
        assertEquals(900, throttle.admit("ana", HOME).retryAfterSeconds(), "never longer than the window");
    }

    @Test
    void aSuccessForgetsTheUsernamesFailures() {
        fail("ana", HOME, 4);
        assertTrue(throttle.admit("ana", HOME).allowed());
        throttle.succeeded("ana", HOME);
        fail("ana", HOME, 4);
        assertTrue(throttle.admit("ana", HOME).allowed(), "4 + 4 failures around a success: not refused");
    }

    @Test
    void failuresAreForgottenAfterAQuietWindow() {
        fail("ana", HOME, 4);
        clock.millis += 900_001;
        fail("ana", HOME, 4);
        assertTrue(throttle.admit("ana", HOME).allowed());
    }

    @Test
    void anAddressIsRefusedAfterItsOwnLimitWhateverTheUsernames() {
        for (int i = 0; i < 30; i++) {
            fail("user-" + i, "10.0.0.9", 1);
        }
        LoginThrottle.Admission refused = throttle.admit("someone-else", "10.0.0.9");
        assertFalse(refused.allowed());
        assertEquals(30, refused.retryAfterSeconds());
        assertTrue(throttle.admit("someone-else", HOME).allowed(), "other addresses are not affected");
        throttle.succeeded("someone-else", HOME);
        clock.millis += 30_000;
        assertTrue(throttle.admit("valid", "10.0.0.9").allowed());
        throttle.succeeded("valid", "10.0.0.9");
        assertTrue(throttle.admit("guess", "10.0.0.9").allowed(), "a success does not forget the address's failures...");
        throttle.failed("guess", "10.0.0.9");
        assertEquals(60, throttle.admit("guess-2", "10.0.0.9").retryAfterSeconds(), "...so its wait keeps growing");
    }

    @Test
    void loginsInFlightCountAgainstTheLimit() {
        for (int i = 0; i < 5; i++) {
            assertTrue(throttle.admit("ana", HOME).allowed());
        }
        LoginThrottle.Admission sixth = throttle.admit("ana", HOME);
        assertFalse(sixth.allowed(), "five parallel guesses in flight: the sixth waits");
        assertEquals(1, sixth.retryAfterSeconds());
        throttle.succeeded("ana", HOME);
        assertTrue(throttle.admit("ana", HOME).allowed());
    }
}
