package org.campusproctor.vision.pipeline;

import java.util.List;
import java.util.Map;

/**
 * An attempt's last analysed frame, offered by its schedule to the next frames: a frame that barely differs from it
 * (its {@link FrameThumbnail}, over the whole frame and over the face, by at most the schedule's grey-level limit)
 * is given this frame's face results instead of running FaceMesh again. Only a frame whose lone face was in view and
 * within the rules' limits is offered, and only on frames where no scheduled stage is due.
 *
 * @param thumbnail   the analysed frame's thumbnail
 * @param analysis    what the pipeline found on it
 * @param capturedAtMillis when it was captured
 */
public record StillFrame(FrameThumbnail thumbnail, FrameAnalysis analysis, long capturedAtMillis) {

    /** The report's stage for a frame given a still frame's results. */
    public static final String REUSED = "reused";

    /** Whether a frame with this thumbnail differs from the still frame by at most {@code maxDifference} grey levels. */
    public boolean matches(FrameThumbnail frame, double maxDifference) {
        return frame.difference(thumbnail) <= maxDifference
                && analysis.faces().stream().allMatch(f -> frame.difference(thumbnail, f.box()) <= maxDifference);
    }

    /**
     * The analysis of a frame that matched: this frame's faces with the results of the landmarks, pose and mouth
     * stages, none of the scheduled stages' (they did not run: the rules see them as skipped, and count nothing twice).
     */
    public FrameAnalysis reusedBy(long elapsedMicros) {
        List<FaceAnalysis> faces = analysis.faces().stream().map(f -> new FaceAnalysis(f.box(), f.detectionScore(),
                f.keypoints(), f.landmarkScore(), f.pose(), null, f.mouthOpening(), null, null, null)).toList();
        return new FrameAnalysis(analysis.width(), analysis.height(), analysis.executionProvider(), faces.size(),
                List.of(REUSED), elapsedMicros, faces, List.of(), null, Map.of(), analysis.track(), null);
    }
}
