package org.campusproctor.vision.pipeline;

import org.campusproctor.contract.settings.Settings;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Pipeline settings ({@code campusproctor.vision.*} in {@link Settings}). {@code stages=auto} (the
 * default) runs detect, landmarks, pose and mouth (their models are required) plus every optional stage whose models
 * the manifest lists; an explicit list makes each listed stage's models required (missing → the frame is
 * dead-lettered with the reason).
 */
public record PipelineOptions(Set<Stage> stages, boolean auto, double minFaceScore, double nmsIou,
                              double landmarkExpand, double minLandmarkScore, int maxFaces, double objectMinScore, Set<Integer> objectClasses) {

    public enum Stage {
        DETECT, LANDMARKS, POSE, MOUTH, GAZE, SPOOF, MATCH, OBJECTS;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final Set<Stage> CORE = EnumSet.of(Stage.DETECT, Stage.LANDMARKS, Stage.POSE, Stage.MOUTH);

    public static PipelineOptions defaults() {
        return fromSystemProperties();
    }

    /** The options configured for this server ({@link Settings}). */
    public static PipelineOptions fromSystemProperties() {
        String stages = Settings.VISION_STAGES.value();
        boolean auto = stages.equals("auto");
        Set<Stage> set = auto ? EnumSet.allOf(Stage.class) : Arrays.stream(stages.split(","))
                .map(s -> Stage.valueOf(s.trim().toUpperCase(Locale.ROOT)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Stage.class)));
        Set<Integer> classes = Settings.VISION_OBJECT_CLASSES.value().stream()
                .map(ObjectDetector::classId).filter(i -> i >= 0).collect(Collectors.toSet());
        return new PipelineOptions(set, auto, Settings.VISION_MIN_FACE_SCORE.value(), Settings.VISION_NMS_IOU.value(),
                Settings.VISION_LANDMARK_EXPAND.value(), Settings.VISION_MIN_LANDMARK_SCORE.value(),
                Settings.VISION_MAX_FACES.value(), Settings.VISION_OBJECT_MIN_SCORE.value(), classes);
    }

    public PipelineOptions withStages(Set<Stage> explicit) {
        return new PipelineOptions(EnumSet.copyOf(explicit), false, minFaceScore, nmsIou, landmarkExpand, minLandmarkScore, maxFaces,
                objectMinScore, objectClasses);
    }
}
