package org.campusproctor.domain;

/** The operation conflicts with the current state of an aggregate (REST: 409). */
public class RuleViolationException extends DomainException {
    public RuleViolationException(String code, String message) {
        super(code, message);
    }
}
