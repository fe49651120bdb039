package org.campusproctor.domain;

/** Input that is well-formed but meaningless for the domain, e.g. a multiple-choice key with no option (REST: 400). */
public class InvalidInputException extends DomainException {
    public InvalidInputException(String message) {
        super("INVALID_INPUT", message);
    }

    /** With a more precise code, e.g. {@code ENROLMENT_PHOTO_NO_FACE}. */
    public InvalidInputException(String code, String message) {
        super(code, message);
    }
}
