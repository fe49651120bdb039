package org.campusproctor.contract.vision;

import java.util.List;
import java.util.Map;

/**
 * The body of a {@link Queues#VISION_RESULTS} message: everything a vision worker found in one frame, with the numbers
 * behind it, and the incidents its rules raised with this frame. Stages that did not run are null ({@code faceCount}
 * when face detection did not run, {@code objects} when object detection did not).
 *
 * @param rejectedFaces   detections the landmark model did not confirm as faces (kept as evidence, not counted)
 * @param reanalysisRunId the {@link FrameToAnalyse#reanalysisRunId} of the frame message, null for a live frame
 */
public record FrameAnalysisReport(String mediaId, String attemptId, long capturedAtMillis, String workerNode,
                                  int width, int height, String executionProvider, List<String> stages,
                                  long elapsedMicros, Integer faceCount, List<Face> faces, List<Face> rejectedFaces,
                                  List<DetectedObject> objects, Map<String, Long> inferenceMicros,
                                  List<VisionIncident> incidents, String reanalysisRunId) {

    public FrameAnalysisReport {
        stages = stages == null ? List.of() : List.copyOf(stages);
        faces = faces == null ? List.of() : List.copyOf(faces);
        rejectedFaces = rejectedFaces == null ? List.of() : List.copyOf(rejectedFaces);
        inferenceMicros = inferenceMicros == null ? Map.of() : Map.copyOf(inferenceMicros);
        incidents = incidents == null ? List.of() : List.copyOf(incidents);
    }

    /** Box in image pixels. */
    public record Box(double x, double y, double width, double height) {
    }

    /** Head orientation in degrees (yaw > 0: nose toward the image's right; pitch > 0: looking up). */
    public record HeadPose(double yaw, double pitch, double roll, double reprojectionErrorPx) {
    }

    /** Iris position in the eyes, -1..1 each way, averaged over {@code eyes} visible eyes. */
    public record Gaze(double horizontal, double vertical, int eyes) {
    }

    /** Anti-spoofing ensemble: per-model and mean probability of "live". */
    public record Spoof(double liveScore, boolean live, Map<String, Double> liveScoreByModel) {
    }

    /**
     * One face: detection, landmark confirmation, pose, gaze, mouth opening, spoof scores and the distance to the
     * enrolment photo. Stages that did not run are null.
     */
    public record Face(Box box, double detectionScore, List<Double> keypoints, Double landmarkScore, HeadPose pose,
                       Gaze gaze, Double mouthOpening, Spoof spoof, Double matchDistance) {
    }

    /** An object the object detector found: COCO class, score, box. */
    public record DetectedObject(int classId, String label, double score, Box box) {
    }
}
