package org.campusproctor.contract.vision;

import java.util.List;
import java.util.Map;

/**
 * An incident raised by a vision worker's rule over the frames of one attempt, with the frames and the scores that
 * raised it (the evidence) and the thresholds in force, so a proctor can see why.
 */
public record VisionIncident(IncidentType type, String attemptId, long startedAtMillis, long raisedAtMillis,
                             String message, List<Evidence> evidence, IncidentThresholds thresholds) {

    /** One frame behind an incident and the numbers the rule looked at. */
    public record Evidence(String frameId, long capturedAtMillis, Map<String, Double> scores) {
    }

    public VisionIncident {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public List<String> frameIds() {
        return evidence.stream().map(Evidence::frameId).toList();
    }

    public long durationMillis() {
        return raisedAtMillis - startedAtMillis;
    }
}
