package org.campusproctor.vision.pipeline;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Pipeline settings, from system properties {@code campusproctor.vision.*} with defaults. {@code stages=auto} (the
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

    public static PipelineOptions fromSystemProperties() {
        String stages = System.getProperty("campusproctor.vision.stages", "auto").trim();
        boolean auto = stages.equalsIgnoreCase("auto") || stages.isEmpty();
        Set<Stage> set = auto ? EnumSet.allOf(Stage.class) : Arrays.stream(stages.split(","))
                .map(s -> Stage.valueOf(s.trim().toUpperCase(Locale.ROOT)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Stage.class)));
        Set<Integer> classes = Arrays.stream(System.getProperty("campusproctor.vision.object-classes",
                        "person,cell phone,book,laptop").split(","))
                .map(String::trim).map(ObjectDetector::classId).filter(i -> i >= 0).collect(Collectors.toSet());
        return new PipelineOptions(set, auto,
                Double.parseDouble(System.getProperty("campusproctor.vision.min-face-score", "0.5")),
                Double.parseDouble(System.getProperty("campusproctor.vision.nms-iou", "0.3")),
                Double.parseDouble(System.getProperty("campusproctor.vision.landmark-expand", "1.5")),
                Double.parseDouble(System.getProperty("campusproctor.vision.min-landmark-score", "0.5")),
                Integer.getInteger("campusproctor.vision.max-faces", 4),
                Double.parseDouble(System.getProperty("campusproctor.vision.object-min-score", "0.35")),
                classes);
    }

    public PipelineOptions withStages(Set<Stage> explicit) {
        return new PipelineOptions(EnumSet.copyOf(explicit), false, minFaceScore, nmsIou, landmarkExpand, minLandmarkScore, maxFaces,
                objectMinScore, objectClasses);
    }
}
