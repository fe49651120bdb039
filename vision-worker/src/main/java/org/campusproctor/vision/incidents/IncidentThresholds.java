package org.campusproctor.vision.incidents;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import java.time.Duration;

/**
 * When the per-attempt rules raise an incident. A value object with sane defaults ({@link #DEFAULTS}); the exam
 * domain can supply one per exam (e.g. stricter looking-away limits for a closed-book exam) through the
 * {@link IncidentDetector}'s thresholds lookup.
 *
 * @param noFaceFor         no face in every frame for at least this long
 * @param multipleFacesFor  two or more faces (or two or more persons seen by the object detector) for this long
 * @param maxYawDegrees     |yaw| above this is looking away
 * @param maxPitchDegrees   |pitch| above this is looking away
 * @param maxGazeOffset     |iris offset| (-1..1, half an eye width) above this is looking away, where eyes are visible
 * @param lookingAwayFor    looking away in every frame for at least this long
 * @param minLiveScore      the spoof ensemble's live probability below this is a suspected spoof
 * @param spoofFrames       that many consecutive frames with a face
 * @param maxMatchDistance  face-match distance above this is a mismatch
 * @param mismatchFrames    that many consecutive frames with a face
 * @param minPhoneScore     NanoDet "cell phone" score from which a phone counts as seen
 * @param phoneFrames       in that many frames (not necessarily consecutive) of one episode (gap < maxGap)
 * @param maxGap            a gap between frames longer than this ends every running episode (missing frames are
 *                          not evidence)
 */
public record IncidentThresholds(Duration noFaceFor, Duration multipleFacesFor, double maxYawDegrees,
                                 double maxPitchDegrees, double maxGazeOffset, Duration lookingAwayFor,
                                 double minLiveScore, int spoofFrames, double maxMatchDistance, int mismatchFrames,
                                 double minPhoneScore, int phoneFrames, Duration maxGap) {

    public static final IncidentThresholds DEFAULTS = new IncidentThresholds(Duration.ofSeconds(2),
            Duration.ofSeconds(1), 35, 25, 0.75, Duration.ofSeconds(2), 0.5, 5, 0.6, 5, 0.5, 2, Duration.ofSeconds(10));

    public IncidentThresholds {
        if (spoofFrames < 1 || mismatchFrames < 1 || phoneFrames < 1) {
            throw new IllegalArgumentException("frame counts must be >= 1");
        }
    }

    public IncidentThresholds withLookingAway(double maxYaw, double maxPitch, Duration forAtLeast) {
        return new IncidentThresholds(noFaceFor, multipleFacesFor, maxYaw, maxPitch, maxGazeOffset, forAtLeast,
                minLiveScore, spoofFrames, maxMatchDistance, mismatchFrames, minPhoneScore, phoneFrames, maxGap);
    }

    public IncidentThresholds withNoFaceFor(Duration d) {
        return new IncidentThresholds(d, multipleFacesFor, maxYawDegrees, maxPitchDegrees, maxGazeOffset,
                lookingAwayFor, minLiveScore, spoofFrames, maxMatchDistance, mismatchFrames, minPhoneScore, phoneFrames,
                maxGap);
    }

    public IncidentThresholds withSpoof(double minLive, int frames) {
        return new IncidentThresholds(noFaceFor, multipleFacesFor, maxYawDegrees, maxPitchDegrees, maxGazeOffset,
                lookingAwayFor, minLive, frames, maxMatchDistance, mismatchFrames, minPhoneScore, phoneFrames, maxGap);
    }

    /**
     * These thresholds with an exam's overrides applied: a JSON object with the keys of {@link #toJson()}
     * (validated by the exam domain); keys it does not name keep their value here, unknown keys are ignored.
     */
    public IncidentThresholds withOverrides(jakarta.json.JsonObject o) {
        if (o == null || o.isEmpty()) {
            return this;
        }
        return new IncidentThresholds(millis(o, "noFaceForMillis", noFaceFor), millis(o, "multipleFacesForMillis", multipleFacesFor),
                number(o, "maxYawDegrees", maxYawDegrees), number(o, "maxPitchDegrees", maxPitchDegrees),
                number(o, "maxGazeOffset", maxGazeOffset), millis(o, "lookingAwayForMillis", lookingAwayFor),
                number(o, "minLiveScore", minLiveScore), (int) number(o, "spoofFrames", spoofFrames),
                number(o, "maxMatchDistance", maxMatchDistance), (int) number(o, "mismatchFrames", mismatchFrames),
                number(o, "minPhoneScore", minPhoneScore), (int) number(o, "phoneFrames", phoneFrames),
                millis(o, "maxGapMillis", maxGap));
    }

    private static double number(jakarta.json.JsonObject o, String key, double fallback) {
        return o.containsKey(key) ? o.getJsonNumber(key).doubleValue() : fallback;
    }

    private static Duration millis(jakarta.json.JsonObject o, String key, Duration fallback) {
        return o.containsKey(key) ? Duration.ofMillis(o.getJsonNumber(key).longValue()) : fallback;
    }

    JsonObjectBuilder toJson() {
        return Json.createObjectBuilder()
                .add("noFaceForMillis", noFaceFor.toMillis())
                .add("multipleFacesForMillis", multipleFacesFor.toMillis())
                .add("maxYawDegrees", maxYawDegrees).add("maxPitchDegrees", maxPitchDegrees)
                .add("maxGazeOffset", maxGazeOffset)
                .add("lookingAwayForMillis", lookingAwayFor.toMillis())
                .add("minLiveScore", minLiveScore).add("spoofFrames", spoofFrames)
                .add("maxMatchDistance", maxMatchDistance).add("mismatchFrames", mismatchFrames)
                .add("minPhoneScore", minPhoneScore).add("phoneFrames", phoneFrames)
                .add("maxGapMillis", maxGap.toMillis());
    }
}
