package org.campusproctor.domain;

/** No such exam, registration, attempt, question or account (REST: 404). */
public class NotFoundException extends DomainException {
    public NotFoundException(String what, String id) {
        super("NOT_FOUND", what + " " + id + " does not exist");
    }
}
