package org.campusproctor.domain.exam;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.campusproctor.domain.InvalidInputException;

import java.io.StringReader;
import java.util.Map;
import java.util.Set;

/**
 * An exam's overrides of the vision workers' incident thresholds, kept as the JSON object the workers read
 * (vision-worker's {@code IncidentThresholds}: keys absent here keep the platform defaults). Validated here, where a
 * registrar sets them, so a worker never meets a value it cannot use.
 */
public final class IncidentThresholdOverrides {

    /** Durations in milliseconds. */
    static final Set<String> MILLIS = Set.of("noFaceForMillis", "multipleFacesForMillis", "lookingAwayForMillis", "maxGapMillis");
    /** Frame counts (at least 1). */
    static final Set<String> FRAMES = Set.of("spoofFrames", "mismatchFrames", "phoneFrames");
    /** Angles in degrees (0..180). */
    static final Set<String> DEGREES = Set.of("maxYawDegrees", "maxPitchDegrees");
    /** Scores and distances (0..2). */
    static final Set<String> SCORES = Set.of("maxGazeOffset", "minLiveScore", "maxMatchDistance", "minPhoneScore");

    private IncidentThresholdOverrides() {
    }

    /** Returns the canonical JSON text of valid overrides, or null for none. */
    public static String validate(Map<String, ? extends Number> overrides) {
        if (overrides == null || overrides.isEmpty()) {
            return null;
        }
        JsonObjectBuilder json = Json.createObjectBuilder();
        overrides.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String key = e.getKey();
            Number value = e.getValue();
            if (value == null) {
                throw new InvalidInputException("incident threshold " + key + " has no value");
            }
            double v = value.doubleValue();
            if (MILLIS.contains(key)) {
                require(key, v >= 0 && v <= 3_600_000 && v == Math.rint(v), "a whole number of milliseconds, 0..3600000");
                json.add(key, (long) v);
            } else if (FRAMES.contains(key)) {
                require(key, v >= 1 && v <= 1000 && v == Math.rint(v), "a whole number of frames, 1..1000");
                json.add(key, (int) v);
            } else if (DEGREES.contains(key)) {
                require(key, v >= 0 && v <= 180, "degrees, 0..180");
                json.add(key, v);
            } else if (SCORES.contains(key)) {
                require(key, v >= 0 && v <= 2, "a score, 0..2");
                json.add(key, v);
            } else {
                throw new InvalidInputException("unknown incident threshold " + key);
            }
        });
        return json.build().toString();
    }

    /** The stored overrides as a map (empty for none), for views. */
    public static Map<String, Number> read(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        JsonObject object = Json.createReader(new StringReader(json)).readObject();
        java.util.TreeMap<String, Number> map = new java.util.TreeMap<>();
        for (Map.Entry<String, JsonValue> e : object.entrySet()) {
            JsonNumber n = (JsonNumber) e.getValue();
            map.put(e.getKey(), n.isIntegral() ? (Number) n.longValue() : (Number) n.doubleValue());
        }
        return map;
    }

    private static void require(String key, boolean ok, String expected) {
        if (!ok) {
            throw new InvalidInputException("incident threshold " + key + " must be " + expected);
        }
    }
}
