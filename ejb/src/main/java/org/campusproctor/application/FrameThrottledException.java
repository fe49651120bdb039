package org.campusproctor.application;

import jakarta.ejb.ApplicationException;

import java.time.Duration;

/**
 * A frame upload refused for now (HTTP 429): the vision workers are behind, or the attempt uploads faster than
 * frames are taken. Nothing was stored; the client may send a frame again after {@link #retryAfter()}.
 */
@ApplicationException(rollback = true)
public class FrameThrottledException extends RuntimeException {

    public enum Reason {
        /** more frames await analysis than {@code campusproctor.frames.max-pending} */
        FRAME_QUEUE_FULL,
        /** this attempt's frames come faster than one per {@code campusproctor.frames.min-interval-ms} */
        FRAME_RATE_EXCEEDED
    }

    private final Reason reason;
    private final Duration retryAfter;
    private final Duration minInterval;

    public FrameThrottledException(Reason reason, String message, Duration retryAfter, Duration minInterval) {
        super(message);
        this.reason = reason;
        this.retryAfter = retryAfter;
        this.minInterval = minInterval;
    }

    public Reason reason() {
        return reason;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The shortest interval between two frames of an attempt the server takes on average. */
    public Duration minInterval() {
        return minInterval;
    }
}
