package org.campusproctor.domain.attempt;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Review of a completed attempt: PENDING_REVIEW -> CLEARED | SUSPICIOUS (with a reason) -> FINAL. A reviewer may
 * change their mind between CLEARED and SUSPICIOUS until the review is made FINAL; FINAL never changes.
 */
public enum ReviewStatus {
    PENDING_REVIEW, CLEARED, SUSPICIOUS, FINAL;

    private static final Map<ReviewStatus, Set<ReviewStatus>> LEGAL = Map.of(
            PENDING_REVIEW, EnumSet.of(CLEARED, SUSPICIOUS),
            CLEARED, EnumSet.of(SUSPICIOUS, FINAL),
            SUSPICIOUS, EnumSet.of(CLEARED, FINAL),
            FINAL, EnumSet.noneOf(ReviewStatus.class));

    public boolean canBecome(ReviewStatus next) {
        return LEGAL.get(this).contains(next);
    }
}
