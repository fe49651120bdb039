package org.campusproctor.vision.application;

import org.campusproctor.contract.settings.Settings;

/**
 * How long each scheduled stage may go without running on an attempt's frames (milliseconds; 0: every frame). The
 * face detector is replaced in between by tracking the attempt's face; the other stages are skipped. Each also runs
 * on every frame while its last result could raise an incident ({@link StageScheduler}).
 * <p>
 * Still frames ({@link org.campusproctor.vision.pipeline.StillFrame}): a frame on which only tracking is due and
 * that differs from the attempt's last analysed frame by at most {@code stillMaxDifference} grey levels (mean over
 * its 1/8-scale thumbnail, whole frame and face region) takes that frame's face results, for at most
 * {@code stillReuseMillis} after it; 0 for either: never.
 */
public record StageSchedule(long detectEveryMillis, long objectsEveryMillis, long spoofEveryMillis,
                            long gazeEveryMillis, long matchEveryMillis, double stillMaxDifference,
                            long stillReuseMillis) {

    /**
     * Grey levels: measured on a clip frame re-encoded as the exam page sends it (JPEG quality 0.8) with fresh
     * Gaussian sensor noise, two noisy copies differ by 0.15 (sigma 2), 0.37 (4) and 0.59 (6, a dark room);
     * moving the face by 2 pixels changes its region by 3.6, and the clip's slow pan by 1.6 and more in 0.2 s.
     */
    public static final double STILL_MAX_DIFFERENCE = 1.0;
    /** At one frame every 2 s: at most two frames in a row take an analysed frame's results. */
    public static final long STILL_REUSE_MILLIS = 4_000;

    /** Every stage on every frame: no tracking, no skipping. */
    public static final StageSchedule EVERY_FRAME = new StageSchedule(0, 0, 0, 0, 0);

    /** With the default still-frame limits. */
    public StageSchedule(long detectEveryMillis, long objectsEveryMillis, long spoofEveryMillis, long gazeEveryMillis,
                         long matchEveryMillis) {
        this(detectEveryMillis, objectsEveryMillis, spoofEveryMillis, gazeEveryMillis, matchEveryMillis,
                STILL_MAX_DIFFERENCE, STILL_REUSE_MILLIS);
    }

    /** The same intervals without still frames: every frame with a face is analysed. */
    public StageSchedule withoutStillFrames() {
        return new StageSchedule(detectEveryMillis, objectsEveryMillis, spoofEveryMillis, gazeEveryMillis,
                matchEveryMillis, 0, 0);
    }

    /** Whether frames may take a still frame's results at all. */
    public boolean stillFrames() {
        return stillMaxDifference > 0 && stillReuseMillis > 0 && detectEveryMillis > 0;
    }

    /** The schedule configured for this server ({@link Settings}). */
    public static StageSchedule fromSettings() {
        return new StageSchedule(Settings.VISION_DETECT_EVERY_MS.value(), Settings.VISION_OBJECTS_EVERY_MS.value(),
                Settings.VISION_SPOOF_EVERY_MS.value(), Settings.VISION_GAZE_EVERY_MS.value(),
                Settings.VISION_MATCH_EVERY_MS.value());
    }

    /** The defaults of {@link Settings} (tools and tests, whatever the system properties say). */
    public static StageSchedule defaults() {
        return new StageSchedule(Settings.VISION_DETECT_EVERY_MS.parse(null), Settings.VISION_OBJECTS_EVERY_MS.parse(null),
                Settings.VISION_SPOOF_EVERY_MS.parse(null), Settings.VISION_GAZE_EVERY_MS.parse(null),
                Settings.VISION_MATCH_EVERY_MS.parse(null));
    }
}
