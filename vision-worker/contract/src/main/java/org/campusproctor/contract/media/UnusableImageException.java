package org.campusproctor.contract.media;

/** An image refused from its header ({@link ImageHeader}): nothing was decoded, and retrying will not help. */
public class UnusableImageException extends RuntimeException {

    public enum Reason {
        /** neither JPEG nor PNG */
        NOT_AN_IMAGE,
        /** truncated, or a header that contradicts itself */
        MALFORMED_IMAGE,
        /** a valid image of a kind no webcam or browser produces */
        UNSUPPORTED_IMAGE,
        DIMENSIONS_TOO_SMALL,
        DIMENSIONS_TOO_LARGE
    }

    private final Reason reason;

    public UnusableImageException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
