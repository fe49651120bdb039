package org.campusproctor.application;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An attempt's frames are taken at one per interval on average, with bursts of a few. */
class FrameAdmissionTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void aBurstPassesThenOneFramePerInterval() {
        AtomicLong next = new AtomicLong(0);
        for (int i = 0; i < FrameAdmission.BURST; i++) {
            assertEquals(0, FrameAdmission.take(next, 0, SECOND), "frame " + i + " of the burst");
        }
        long wait = FrameAdmission.take(next, 0, SECOND);
        assertEquals(SECOND, wait, "the next one in a second");
        assertTrue(FrameAdmission.take(next, SECOND / 2, SECOND) > 0, "still too early half a second later");
        assertEquals(0, FrameAdmission.take(next, SECOND, SECOND));
        assertTrue(FrameAdmission.take(next, SECOND, SECOND) > 0, "one per interval once the burst is spent");
    }

    @Test
    void aSteadyClientIsNeverRefusedAndAnIdleOneGetsItsBurstBack() {
        AtomicLong next = new AtomicLong(0);
        for (long t = 0; t < 100 * SECOND; t += SECOND) {
            assertEquals(0, FrameAdmission.take(next, t, SECOND), "at " + t);
        }
        long later = 1_000 * SECOND;
        for (int i = 0; i < FrameAdmission.BURST; i++) {
            assertEquals(0, FrameAdmission.take(next, later, SECOND));
        }
        assertTrue(FrameAdmission.take(next, later, SECOND) > 0);
    }

    @Test
    void aFloodIsHeldToTheRate() {
        AtomicLong next = new AtomicLong(0);
        int taken = 0;
        for (long t = 0; t < 10 * SECOND; t += SECOND / 100) { // 100 uploads a second for ten seconds
            if (FrameAdmission.take(next, t, SECOND) == 0) {
                taken++;
            }
        }
        assertEquals(10 + FrameAdmission.BURST - 1, taken);
    }
}
