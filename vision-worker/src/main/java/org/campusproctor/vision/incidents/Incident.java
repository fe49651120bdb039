package org.campusproctor.vision.incidents;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.List;
import java.util.Map;

/**
 * A proctoring incident raised by a rule over the frames of one attempt, with the frames and the scores that raised
 * it (the evidence) and the thresholds in force, so a proctor can see why.
 */
public record Incident(Type type, String attemptRef, long startedAtMillis, long raisedAtMillis, String message,
                       List<Evidence> evidence, IncidentThresholds thresholds) {

    public enum Type { NO_FACE, MULTIPLE_FACES, LOOKING_AWAY, SPOOF_SUSPECTED, IDENTITY_MISMATCH, PHONE_SEEN }

    /** One frame behind an incident and the numbers the rule looked at. */
    public record Evidence(String frameId, long capturedAtMillis, Map<String, Double> scores) {
    }

    public List<String> frameIds() {
        return evidence.stream().map(Evidence::frameId).toList();
    }

    public long durationMillis() {
        return raisedAtMillis - startedAtMillis;
    }

    public JsonObject toJson() {
        JsonArrayBuilder frames = Json.createArrayBuilder();
        JsonArrayBuilder ev = Json.createArrayBuilder();
        for (Evidence e : evidence) {
            frames.add(e.frameId());
            JsonObjectBuilder scores = Json.createObjectBuilder();
            e.scores().forEach((k, v) -> scores.add(k, Math.round(v * 10000) / 10000.0));
            ev.add(Json.createObjectBuilder().add("frameId", e.frameId()).add("capturedAtMillis", e.capturedAtMillis())
                    .add("scores", scores));
        }
        return Json.createObjectBuilder()
                .add("type", type.name())
                .add("attemptRef", attemptRef)
                .add("startedAtMillis", startedAtMillis)
                .add("raisedAtMillis", raisedAtMillis)
                .add("durationMillis", durationMillis())
                .add("message", message)
                .add("frameIds", frames)
                .add("evidence", ev)
                .add("thresholds", thresholds.toJson())
                .build();
    }
}
