package org.campusproctor.vision.application;

import org.campusproctor.contract.settings.Settings;

/**
 * How long each scheduled stage may go without running on an attempt's frames (milliseconds; 0: every frame). The
 * face detector is replaced in between by tracking the attempt's face; the other stages are skipped. Each also runs
 * on every frame while its last result could raise an incident ({@link StageScheduler}).
 */
public record StageSchedule(long detectEveryMillis, long objectsEveryMillis, long spoofEveryMillis,
                            long gazeEveryMillis, long matchEveryMillis) {

    /** Every stage on every frame: no tracking, no skipping. */
    public static final StageSchedule EVERY_FRAME = new StageSchedule(0, 0, 0, 0, 0);

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
