package org.campusproctor.application;

import jakarta.ejb.ApplicationException;

/**
 * A submitted frame or photo was refused (not an image, too many bytes, a header that is malformed, of an unsupported
 * kind or of refused dimensions). Nothing was stored.
 */
@ApplicationException(rollback = true)
public class FrameRejectedException extends RuntimeException {

    public enum Reason {
        NOT_AN_IMAGE, TOO_LARGE, EMPTY, MALFORMED_IMAGE, UNSUPPORTED_IMAGE, DIMENSIONS_TOO_SMALL, DIMENSIONS_TOO_LARGE
    }

    private final Reason reason;

    public FrameRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
