package org.campusproctor.vision.pipeline;

/**
 * One face found by BlazeFace: box and 6 keypoints in image pixels (x0,y0,...: the subject's right eye, left eye,
 * nose tip, mouth centre, right ear tragion, left ear tragion; "right eye" is on the image's left for an upright
 * face), and the score after weighted NMS.
 */
public record FaceDetection(Box box, double[] keypoints, double score) implements Detection {
    public double kx(int k) {
        return keypoints[2 * k];
    }

    public double ky(int k) {
        return keypoints[2 * k + 1];
    }
}
