package org.campusproctor.vision.pipeline;

import java.util.List;
import java.util.Map;

/**
 * Everything the pipeline found in one frame, with the numbers behind it, so that any flag raised from it can be
 * explained. {@code faceCount} is null when face detection did not run on this frame; {@code objects} is null when
 * object detection did not run. {@code rejectedFaces}: detections FaceMesh did not confirm as faces (kept as evidence,
 * not counted). {@code track}: the face to follow into the attempt's next frame (exactly one face found and
 * confirmed), else null. On a tracked frame ({@code stages} has "track" instead of "detect") {@code faceCount} is
 * the tracked face only: a second face is found by the next detector run. A frame given the results of the attempt's
 * last analysed frame ({@link StillFrame}) has only {@code "reused"} in {@code stages}. {@code thumbnail}: the frame's
 * small grey copy when the plan asked for one (the next frames' still check), else null.
 */
public record FrameAnalysis(int width, int height, String executionProvider, Integer faceCount,
                            List<String> stages, long elapsedMicros, List<FaceAnalysis> faces,
                            List<FaceAnalysis> rejectedFaces, List<DetectedObject> objects, Map<String, Long> inferenceMicros,
                            TrackedFace track, FrameThumbnail thumbnail) {

    public FrameAnalysis(int width, int height, String executionProvider, Integer faceCount, List<String> stages,
                         long elapsedMicros, List<FaceAnalysis> faces, List<FaceAnalysis> rejectedFaces,
                         List<DetectedObject> objects, Map<String, Long> inferenceMicros, TrackedFace track) {
        this(width, height, executionProvider, faceCount, stages, elapsedMicros, faces, rejectedFaces, objects,
                inferenceMicros, track, null);
    }

    public FrameAnalysis(int width, int height, String executionProvider, Integer faceCount, List<String> stages,
                         long elapsedMicros, List<FaceAnalysis> faces, List<FaceAnalysis> rejectedFaces,
                         List<DetectedObject> objects, Map<String, Long> inferenceMicros) {
        this(width, height, executionProvider, faceCount, stages, elapsedMicros, faces, rejectedFaces, objects,
                inferenceMicros, null, null);
    }

    /** The same analysis with the frame's thumbnail. */
    public FrameAnalysis withThumbnail(FrameThumbnail t) {
        return new FrameAnalysis(width, height, executionProvider, faceCount, stages, elapsedMicros, faces, rejectedFaces,
                objects, inferenceMicros, track, t);
    }

    /** Whether this frame was given the results of an earlier one ({@link StillFrame}) instead of being analysed. */
    public boolean reused() {
        return stages.contains(StillFrame.REUSED);
    }

    /** Whether the face detector ran on this frame (else the face was tracked from the previous one). */
    public boolean detected() {
        return stages.contains("detect");
    }

    public FrameAnalysis(int width, int height, String executionProvider, Integer faceCount, List<String> stages,
                         long elapsedMicros) {
        this(width, height, executionProvider, faceCount, stages, elapsedMicros, List.of(), List.of(), null, Map.of(), null,
                null);
    }
}
