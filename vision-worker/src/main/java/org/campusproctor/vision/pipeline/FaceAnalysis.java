package org.campusproctor.vision.pipeline;

/**
 * Everything found about one face, with the raw scores: detection box/score, landmark face score, head pose, gaze,
 * mouth opening, spoof scores and the face-match distance. Stages that did not run are null.
 */
public record FaceAnalysis(Box box, double detectionScore, double[] keypoints, Double landmarkScore, HeadPose pose,
                           Gaze gaze, Double mouthOpening, SpoofScore spoof, Double matchDistance, float[] embedding) {
}
