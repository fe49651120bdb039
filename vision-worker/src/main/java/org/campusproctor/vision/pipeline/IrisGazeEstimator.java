package org.campusproctor.vision.pipeline;

import org.opencv.core.Mat;


/**
 * Gaze from MediaPipe Iris: for each open eye, a square crop of {@code enlarge} x the eye-corner distance around the
 * eye, levelled along the line between the outer eye corners (the subject's left eye mirrored, as the model expects
 * a right eye); the iris centre (first of the 5 iris points after the 71 contour points) is located relative to the
 * eye corners (horizontal) and the eyelids (vertical).
 */
public final class IrisGazeEstimator {

    private static final int CONTOUR_POINTS = 71;

    private final ModelSession model;
    private final double enlarge;
    private final double minEyeOpening;
    private final double maxYaw;

    public IrisGazeEstimator(ModelSession model, double enlarge, double minEyeOpening, double maxYaw) {
        this.model = model;
        this.enlarge = enlarge;
        this.minEyeOpening = minEyeOpening;
        this.maxYaw = maxYaw;
    }

    public Gaze estimate(Mat bgr, FaceLandmarks lm, HeadPose pose, Timings timings) {
        if (pose != null && Math.abs(pose.yaw()) > maxYaw) {
            return new Gaze(0, 0, 0);
        }
        double angle = Math.atan2(lm.y(FaceLandmarks.LEFT_EYE_OUTER) - lm.y(FaceLandmarks.RIGHT_EYE_OUTER),
                lm.x(FaceLandmarks.LEFT_EYE_OUTER) - lm.x(FaceLandmarks.RIGHT_EYE_OUTER));
        double h = 0, v = 0;
        int eyes = 0;
        int[][] eyePoints = {
                {FaceLandmarks.RIGHT_EYE_OUTER, FaceLandmarks.RIGHT_EYE_INNER, FaceLandmarks.RIGHT_EYE_UPPER, FaceLandmarks.RIGHT_EYE_LOWER},
                {FaceLandmarks.LEFT_EYE_INNER, FaceLandmarks.LEFT_EYE_OUTER, FaceLandmarks.LEFT_EYE_UPPER, FaceLandmarks.LEFT_EYE_LOWER}};
        for (int eye = 0; eye < 2; eye++) {
            if (lm.eyeOpening(eye) < minEyeOpening) {
                continue;
            }
            int[] p = eyePoints[eye]; // image-left corner, image-right corner, upper lid, lower lid
            double cx = (lm.x(p[0]) + lm.x(p[1])) / 2;
            double cy = (lm.y(p[0]) + lm.y(p[1])) / 2;
            double width = lm.distance(p[0], p[1]);
            AlignedCrop crop = new AlignedCrop(cx, cy, width * enlarge, angle, model.spec().width(), eye == 1);
            float[] tensor = model.tensor(crop, bgr);
            float[] out = ModelSession.output(model.run(tensor, timings), model.spec().outputNames().get(0));
            double u = out[3 * CONTOUR_POINTS];
            double w = out[3 * CONTOUR_POINTS + 1];
            double ix = crop.imageX(u, w);
            double iy = crop.imageY(u, w);
            double cos = Math.cos(angle), sin = Math.sin(angle);
            // along the eye axis, relative to the corners' midpoint, in half eye widths
            h += ((ix - cx) * cos + (iy - cy) * sin) / (width / 2);
            double lidX = (lm.x(p[2]) + lm.x(p[3])) / 2;
            double lidY = (lm.y(p[2]) + lm.y(p[3])) / 2;
            double lidGap = Math.max(1e-6, lm.distance(p[2], p[3]));
            v += (-(ix - lidX) * sin + (iy - lidY) * cos) / (lidGap / 2);
            eyes++;
        }
        return eyes == 0 ? new Gaze(0, 0, 0) : new Gaze(h / eyes, v / eyes, eyes);
    }
}
