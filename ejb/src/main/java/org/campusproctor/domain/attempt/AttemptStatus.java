package org.campusproctor.domain.attempt;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Lifecycle of an exam attempt (after edX's and TAO's):
 * <pre>
 * CREATED -> IDENTITY_CHECK -> READY -> IN_PROGRESS <-> PAUSED
 * CREATED -> READY                      (exam without identity check)
 * IN_PROGRESS -> SUBMITTED | EXPIRED    (candidate submits; deadline passed)
 * any incomplete -> TERMINATED | ERROR  (proctor ends it; technical failure)
 * </pre>
 * Completed states are final: like edX, nothing goes back to an incomplete state (a re-take is a new attempt).
 */
public enum AttemptStatus {
    CREATED, IDENTITY_CHECK, READY, IN_PROGRESS, PAUSED, SUBMITTED, EXPIRED, TERMINATED, ERROR;

    private static final Map<AttemptStatus, Set<AttemptStatus>> LEGAL = Map.of(
            CREATED, EnumSet.of(IDENTITY_CHECK, READY, TERMINATED, ERROR),
            IDENTITY_CHECK, EnumSet.of(READY, TERMINATED, ERROR),
            READY, EnumSet.of(IN_PROGRESS, TERMINATED, ERROR),
            IN_PROGRESS, EnumSet.of(PAUSED, SUBMITTED, EXPIRED, TERMINATED, ERROR),
            PAUSED, EnumSet.of(IN_PROGRESS, TERMINATED, ERROR),
            SUBMITTED, EnumSet.noneOf(AttemptStatus.class),
            EXPIRED, EnumSet.noneOf(AttemptStatus.class),
            TERMINATED, EnumSet.noneOf(AttemptStatus.class),
            ERROR, EnumSet.noneOf(AttemptStatus.class));

    public boolean canBecome(AttemptStatus next) {
        return LEGAL.get(this).contains(next);
    }

    public Set<AttemptStatus> successors() {
        return Set.copyOf(LEGAL.get(this));
    }

    public boolean isCompleted() {
        return this == SUBMITTED || this == EXPIRED || this == TERMINATED || this == ERROR;
    }
}
