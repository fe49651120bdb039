package org.campusproctor.domain;

/**
 * A rule of the proctoring domain refused an operation. Declared an application exception in ejb-jar.xml
 * (rollback, not wrapped), so the domain stays free of EJB annotations and REST maps it to a status code.
 */
public abstract class DomainException extends RuntimeException {

    private final String code;

    protected DomainException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** Stable machine-readable code for API clients, e.g. {@code ILLEGAL_TRANSITION}. */
    public String code() {
        return code;
    }
}
