package org.campusproctor.application;

import jakarta.ejb.ApplicationException;

/** A submitted frame was refused (not an image, too large, unknown attempt). Nothing was stored. */
@ApplicationException(rollback = true)
public class FrameRejectedException extends RuntimeException {

    public enum Reason { NOT_AN_IMAGE, TOO_LARGE, EMPTY }

    private final Reason reason;

    public FrameRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
