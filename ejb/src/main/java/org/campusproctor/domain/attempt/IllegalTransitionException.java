package org.campusproctor.domain.attempt;

import org.campusproctor.domain.RuleViolationException;

/** A lifecycle or review transition that the state machine does not allow from the current state (REST: 409). */
public class IllegalTransitionException extends RuleViolationException {

    private final String from;
    private final String to;

    public IllegalTransitionException(String attemptId, Enum<?> from, Enum<?> to) {
        super("ILLEGAL_TRANSITION", "Attempt " + attemptId + " cannot go from " + from + " to " + to);
        this.from = from.name();
        this.to = to.name();
    }

    public String from() { return from; }
    public String to() { return to; }
}
