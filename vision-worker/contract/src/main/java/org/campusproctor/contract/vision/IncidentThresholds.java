package org.campusproctor.contract.vision;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * When the vision workers' per-attempt rules raise an incident. {@link #DEFAULTS} holds every value; an exam stores
 * only the values it overrides (the others are null) and each frame message carries them to the worker, which
 * applies them with {@link #withOverrides}. Validated where a registrar sets them ({@link #validated}), so a worker
 * never meets a value it cannot use.
 *
 * @param noFaceForMillis       no face in every frame for at least this long
 * @param multipleFacesForMillis two or more faces (or persons seen by the object detector) for this long
 * @param maxYawDegrees         |yaw| above this is looking away
 * @param maxPitchDegrees       |pitch| above this is looking away
 * @param maxGazeOffset         |iris offset| (-1..1, half an eye width) above this is looking away, where eyes show
 * @param lookingAwayForMillis  looking away in every frame for at least this long
 * @param minLiveScore          the spoof ensemble's live probability below this is a suspected spoof
 * @param spoofFrames           that many consecutive frames with a face
 * @param maxMatchDistance      face-match distance (faceres34, Euclidean) above this is a mismatch; the default is
 *                              the threshold calibrated on the identity set (weights/manifest.json, faceres34
 *                              {@code calibration.threshold}; a test keeps the two equal)
 * @param mismatchFrames        that many mismatching frames among the last 2 x mismatchFrames frames with a face match
 * @param minPhoneScore         object-detector "cell phone" score from which a phone counts as seen
 * @param phoneFrames           in that many frames (not necessarily consecutive) of one episode
 * @param maxGapMillis          a gap between frames longer than this ends every running episode (missing frames
 *                              are not evidence)
 */
public record IncidentThresholds(Long noFaceForMillis, Long multipleFacesForMillis, Double maxYawDegrees,
                                 Double maxPitchDegrees, Double maxGazeOffset, Long lookingAwayForMillis,
                                 Double minLiveScore, Integer spoofFrames, Double maxMatchDistance,
                                 Integer mismatchFrames, Double minPhoneScore, Integer phoneFrames,
                                 Long maxGapMillis) {

    public static final IncidentThresholds DEFAULTS = new IncidentThresholds(2_000L, 1_000L, 35.0, 25.0, 0.75, 2_000L,
            0.5, 5, 0.61, 5, 0.5, 2, 10_000L);

    /** No override at all. */
    public static final IncidentThresholds NONE = new IncidentThresholds(null, null, null, null, null, null, null,
            null, null, null, null, null, null);

    /** These values with the non-null values of {@code overrides} in their place. */
    public IncidentThresholds withOverrides(IncidentThresholds o) {
        if (o == null) {
            return this;
        }
        return new IncidentThresholds(or(o.noFaceForMillis, noFaceForMillis),
                or(o.multipleFacesForMillis, multipleFacesForMillis), or(o.maxYawDegrees, maxYawDegrees),
                or(o.maxPitchDegrees, maxPitchDegrees), or(o.maxGazeOffset, maxGazeOffset),
                or(o.lookingAwayForMillis, lookingAwayForMillis), or(o.minLiveScore, minLiveScore),
                or(o.spoofFrames, spoofFrames), or(o.maxMatchDistance, maxMatchDistance),
                or(o.mismatchFrames, mismatchFrames), or(o.minPhoneScore, minPhoneScore),
                or(o.phoneFrames, phoneFrames), or(o.maxGapMillis, maxGapMillis));
    }

    public boolean overridesNothing() {
        return asMap().isEmpty();
    }

    public Duration noFaceFor() {
        return Duration.ofMillis(noFaceForMillis);
    }

    public Duration multipleFacesFor() {
        return Duration.ofMillis(multipleFacesForMillis);
    }

    public Duration lookingAwayFor() {
        return Duration.ofMillis(lookingAwayForMillis);
    }

    public Duration maxGap() {
        return Duration.ofMillis(maxGapMillis);
    }

    /** The values that are set, by name (sorted), for views and forms. */
    public Map<String, Number> asMap() {
        Map<String, Number> m = new TreeMap<>();
        put(m, "noFaceForMillis", noFaceForMillis);
        put(m, "multipleFacesForMillis", multipleFacesForMillis);
        put(m, "maxYawDegrees", maxYawDegrees);
        put(m, "maxPitchDegrees", maxPitchDegrees);
        put(m, "maxGazeOffset", maxGazeOffset);
        put(m, "lookingAwayForMillis", lookingAwayForMillis);
        put(m, "minLiveScore", minLiveScore);
        put(m, "spoofFrames", spoofFrames);
        put(m, "maxMatchDistance", maxMatchDistance);
        put(m, "mismatchFrames", mismatchFrames);
        put(m, "minPhoneScore", minPhoneScore);
        put(m, "phoneFrames", phoneFrames);
        put(m, "maxGapMillis", maxGapMillis);
        return m;
    }

    /**
     * Overrides from a map of names to numbers (as a registrar's form or the REST API sends them), each checked
     * against its range.
     *
     * @return the overrides, or {@link #NONE} for a null or empty map
     * @throws IllegalArgumentException naming the first unknown key or out-of-range value
     */
    public static IncidentThresholds validated(Map<String, ? extends Number> overrides) {
        if (overrides == null || overrides.isEmpty()) {
            return NONE;
        }
        Map<String, Number> v = new LinkedHashMap<>();
        new TreeMap<>(overrides).forEach((key, value) -> {
            if (value == null) {
                throw new IllegalArgumentException("incident threshold " + key + " has no value");
            }
            v.put(key, check(key, value.doubleValue()));
        });
        // check() returned each value in its component's type
        return new IncidentThresholds((Long) v.get("noFaceForMillis"), (Long) v.get("multipleFacesForMillis"),
                (Double) v.get("maxYawDegrees"), (Double) v.get("maxPitchDegrees"), (Double) v.get("maxGazeOffset"),
                (Long) v.get("lookingAwayForMillis"), (Double) v.get("minLiveScore"), (Integer) v.get("spoofFrames"),
                (Double) v.get("maxMatchDistance"), (Integer) v.get("mismatchFrames"), (Double) v.get("minPhoneScore"),
                (Integer) v.get("phoneFrames"), (Long) v.get("maxGapMillis"));
    }

    /** Checks every set value against its range (for overrides that arrive as a record, e.g. from JSON). */
    public IncidentThresholds validated() {
        return validated(asMap());
    }

    private static Number check(String key, double v) {
        switch (key) {
            case "noFaceForMillis", "multipleFacesForMillis", "lookingAwayForMillis", "maxGapMillis" -> {
                require(key, v >= 0 && v <= 3_600_000 && v == Math.rint(v), "a whole number of milliseconds, 0..3600000");
                return (long) v;
            }
            case "spoofFrames", "mismatchFrames", "phoneFrames" -> {
                require(key, v >= 1 && v <= 1000 && v == Math.rint(v), "a whole number of frames, 1..1000");
                return (int) v;
            }
            case "maxYawDegrees", "maxPitchDegrees" -> {
                require(key, v >= 0 && v <= 180, "degrees, 0..180");
                return v;
            }
            case "maxGazeOffset", "minLiveScore", "maxMatchDistance", "minPhoneScore" -> {
                require(key, v >= 0 && v <= 2, "a score, 0..2");
                return v;
            }
            default -> throw new IllegalArgumentException("unknown incident threshold " + key);
        }
    }

    private static void require(String key, boolean ok, String expected) {
        if (!ok) {
            throw new IllegalArgumentException("incident threshold " + key + " must be " + expected);
        }
    }

    private static void put(Map<String, Number> m, String key, Number value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static <T> T or(T override, T value) {
        return override != null ? override : value;
    }
}
