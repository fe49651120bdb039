package org.campusproctor.domain;

/** The caller has the right role but not the right to this object, e.g. another candidate's attempt (REST: 403). */
public class AccessRefusedException extends DomainException {
    public AccessRefusedException(String message) {
        super("ACCESS_REFUSED", message);
    }
}
