package org.campusproctor.vision.pipeline;

import java.util.List;
import java.util.Map;

/**
 * Everything the pipeline found in one frame, with the numbers behind it, so that any flag raised from it can be
 * explained. {@code faceCount} is null when face detection did not run on this frame; {@code objects} is null when
 * object detection did not run. {@code rejectedFaces}: detections FaceMesh did not confirm as faces (kept as evidence,
 * not counted). {@code track}: the face to follow into the attempt's next frame (exactly one face found and
 * confirmed), else null. On a tracked frame ({@code stages} has "track" instead of "detect") {@code faceCount} is
 * the tracked face only: a second face is found by the next detector run.
 */
public record FrameAnalysis(int width, int height, String executionProvider, Integer faceCount,
                            List<String> stages, long elapsedMicros, List<FaceAnalysis> faces,
                            List<FaceAnalysis> rejectedFaces, List<DetectedObject> objects, Map<String, Long> inferenceMicros,
                            TrackedFace track) {

    public FrameAnalysis(int width, int height, String executionProvider, Integer faceCount, List<String> stages,
                         long elapsedMicros, List<FaceAnalysis> faces, List<FaceAnalysis> rejectedFaces,
                         List<DetectedObject> objects, Map<String, Long> inferenceMicros) {
        this(width, height, executionProvider, faceCount, stages, elapsedMicros, faces, rejectedFaces, objects,
                inferenceMicros, null);
    }

    /** Whether the face detector ran on this frame (else the face was tracked from the previous one). */
    public boolean detected() {
        return stages.contains("detect");
    }

    public FrameAnalysis(int width, int height, String executionProvider, Integer faceCount, List<String> stages,
                         long elapsedMicros) {
        this(width, height, executionProvider, faceCount, stages, elapsedMicros, List.of(), List.of(), null, Map.of(), null);
    }
}
