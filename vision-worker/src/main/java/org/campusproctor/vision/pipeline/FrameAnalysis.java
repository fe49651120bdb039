package org.campusproctor.vision.pipeline;

import java.util.List;
import java.util.Map;

/**
 * Everything the pipeline found in one frame, with the numbers behind it, so that any flag raised from it can be
 * explained. {@code faceCount} is null when face detection did not run on this frame; {@code objects} is null when
 * object detection did not run. {@code rejectedFaces}: detections FaceMesh did not confirm as faces (kept as evidence,
 * not counted).
 */
public record FrameAnalysis(int width, int height, String executionProvider, Integer faceCount,
                            List<String> stages, long elapsedMicros, List<FaceAnalysis> faces,
                            List<FaceAnalysis> rejectedFaces, List<DetectedObject> objects, Map<String, Long> inferenceMicros) {

    public FrameAnalysis(int width, int height, String executionProvider, Integer faceCount, List<String> stages,
                         long elapsedMicros) {
        this(width, height, executionProvider, faceCount, stages, elapsedMicros, List.of(), List.of(), null, Map.of());
    }
}
