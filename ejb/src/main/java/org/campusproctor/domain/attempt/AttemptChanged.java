package org.campusproctor.domain.attempt;

/**
 * Fired (observed after commit) when something a proctor watches happened to an attempt: a transition, an action,
 * an incident. The web tier pushes it on the proctor feed.
 */
public record AttemptChanged(String attemptId, String candidate, String proctor, String kind, String action,
                             String status, int riskScore, String detail) {
}
