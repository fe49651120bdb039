package org.campusproctor.it;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Waits for something to happen on the server by polling, instead of sleeping a fixed time and hoping: returns as
 * soon as the condition holds, and on timeout fails with what it waited for and the last value it saw.
 */
final class Eventually {

    private static final int MAX_SHOWN = 4000;

    private Eventually() {
    }

    /**
     * Calls {@code probe} every {@code interval} until {@code done} accepts its value and returns that value. An
     * exception of the probe (a failed assertion in it, say) ends the wait at once.
     *
     * @throws AssertionError when {@code timeout} passes first, naming {@code description} and the last value seen
     */
    static <T> T await(Duration timeout, Duration interval, Callable<T> probe, Predicate<? super T> done,
                       String description) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        int polls = 0;
        while (true) {
            T value = probe.call();
            polls++;
            if (done.test(value)) {
                return value;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                String last = String.valueOf(value);
                if (last.length() > MAX_SHOWN) {
                    last = last.substring(0, MAX_SHOWN) + "... (" + last.length() + " characters)";
                }
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s (" + polls + " polls) waiting for "
                        + description + "; last observed: " + last);
            }
            Thread.sleep(Math.min(interval.toMillis(), Math.max(1, left / 1_000_000)));
        }
    }
}
