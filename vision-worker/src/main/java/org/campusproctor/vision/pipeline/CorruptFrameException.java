package org.campusproctor.vision.pipeline;

/** The frame cannot be analysed: retrying will not help, so the message goes to the dead-letter queue. */
public class CorruptFrameException extends RuntimeException {
    public CorruptFrameException(String message) {
        super(message);
    }
}
