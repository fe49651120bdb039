package org.campusproctor.vision.pipeline;

/** The 468 FaceMesh points in image pixels (x, y; z in the same scale, relative depth) and the face-presence score. */
public record FaceLandmarks(double[] points, double faceScore) {

    // MediaPipe Face Mesh indices ("right" = the subject's right, on the image's left for an upright face)
    public static final int NOSE_TIP = 1;
    public static final int CHIN = 152;
    public static final int RIGHT_EYE_OUTER = 33;
    public static final int RIGHT_EYE_INNER = 133;
    public static final int RIGHT_EYE_UPPER = 159;
    public static final int RIGHT_EYE_LOWER = 145;
    public static final int LEFT_EYE_OUTER = 263;
    public static final int LEFT_EYE_INNER = 362;
    public static final int LEFT_EYE_UPPER = 386;
    public static final int LEFT_EYE_LOWER = 374;
    public static final int MOUTH_RIGHT = 61;
    public static final int MOUTH_LEFT = 291;
    public static final int LIP_UPPER_INNER = 13;
    public static final int LIP_LOWER_INNER = 14;
    /** Near BlazeFace's ear (tragion) keypoints: the mesh's outermost cheek points at eye level. */
    public static final int RIGHT_TRAGION = 234;
    public static final int LEFT_TRAGION = 454;

    public double x(int i) {
        return points[3 * i];
    }

    public double y(int i) {
        return points[3 * i + 1];
    }

    public double z(int i) {
        return points[3 * i + 2];
    }

    public double distance(int i, int j) {
        return Math.hypot(x(i) - x(j), y(i) - y(j));
    }

    /** Lip gap over mouth width: ~0 closed, ~0.3+ wide open (talking). */
    public double mouthOpening() {
        double width = distance(MOUTH_RIGHT, MOUTH_LEFT);
        return width <= 0 ? 0 : distance(LIP_UPPER_INNER, LIP_LOWER_INNER) / width;
    }

    /** Eyelid gap over eye width of the subject's right (0) or left (1) eye. */
    public double eyeOpening(int eye) {
        return eye == 0
                ? distance(RIGHT_EYE_UPPER, RIGHT_EYE_LOWER) / Math.max(1e-6, distance(RIGHT_EYE_OUTER, RIGHT_EYE_INNER))
                : distance(LEFT_EYE_UPPER, LEFT_EYE_LOWER) / Math.max(1e-6, distance(LEFT_EYE_OUTER, LEFT_EYE_INNER));
    }
}
