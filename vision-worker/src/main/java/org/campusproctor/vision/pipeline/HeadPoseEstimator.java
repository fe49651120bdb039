package org.campusproctor.vision.pipeline;

import org.opencv.calib3d.Calib3d;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.MatOfPoint3f;
import org.opencv.core.Point;
import org.opencv.core.Point3;

/**
 * Head pose from six FaceMesh landmarks with {@code Calib3d.solvePnP} on a generic 3-D face model (nose tip, chin,
 * outer eye corners, mouth corners; millimetre-like units, camera axes: x image-right, y image-down, z away from the
 * camera). The camera is a pinhole with focal length = image width and the principal point at the centre (webcams
 * are ~60-70 degrees wide; the angles are not very sensitive to it). Yaw and pitch are measured against the line
 * of sight from the face to the camera.
 */
public final class HeadPoseEstimator {

    private static final int[] LANDMARKS = {
            FaceLandmarks.NOSE_TIP, FaceLandmarks.CHIN, FaceLandmarks.RIGHT_EYE_OUTER, FaceLandmarks.LEFT_EYE_OUTER,
            FaceLandmarks.MOUTH_RIGHT, FaceLandmarks.MOUTH_LEFT};
    /**
     * The six points of MediaPipe's canonical face model (canonical_face_model.obj, centimetres, y up, z toward the
     * viewer), converted to camera axes (y down, z away from the camera) relative to the nose tip.
     */
    private static final double[][] CANONICAL = {
            {0.000000, -1.126865, 7.475604},   // 1 nose tip
            {0.000000, -8.261278, 4.481535},   // 152 chin
            {-4.445859, 2.663991, 3.173422},   // 33 right eye outer corner
            {4.445859, 2.663991, 3.173422},    // 263 left eye outer corner
            {-2.456206, -4.342621, 4.283884},  // 61 right mouth corner
            {2.456206, -4.342621, 4.283884}};  // 291 left mouth corner
    private static final Point3[] MODEL = model();

    private static Point3[] model() {
        Point3[] p = new Point3[CANONICAL.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = new Point3(CANONICAL[i][0] - CANONICAL[0][0], -(CANONICAL[i][1] - CANONICAL[0][1]),
                    -(CANONICAL[i][2] - CANONICAL[0][2]));
        }
        return p;
    }

    public HeadPose estimate(FaceLandmarks lm, int imageWidth, int imageHeight) {
        Point[] image = new Point[LANDMARKS.length];
        for (int i = 0; i < LANDMARKS.length; i++) {
            image[i] = new Point(lm.x(LANDMARKS[i]), lm.y(LANDMARKS[i]));
        }
        MatOfPoint3f objectPoints = new MatOfPoint3f(MODEL);
        MatOfPoint2f imagePoints = new MatOfPoint2f(image);
        Mat camera = Mat.eye(3, 3, CvType.CV_64F);
        camera.put(0, 0, imageWidth);
        camera.put(1, 1, imageWidth);
        camera.put(0, 2, imageWidth / 2.0);
        camera.put(1, 2, imageHeight / 2.0);
        MatOfDouble dist = new MatOfDouble(0, 0, 0, 0);
        Mat rvec = new Mat();
        Mat tvec = new Mat();
        Mat r = new Mat();
        MatOfPoint2f projected = new MatOfPoint2f();
        try {
            // start from "facing the camera at a plausible distance" so the iterative solver cannot flip behind it
            double faceWidth = Math.max(1, lm.distance(FaceLandmarks.RIGHT_EYE_OUTER, FaceLandmarks.LEFT_EYE_OUTER));
            rvec = new Mat(3, 1, CvType.CV_64F);
            rvec.put(0, 0, 0, 0, 0);
            tvec = new Mat(3, 1, CvType.CV_64F);
            double z = imageWidth * 8.9 / faceWidth;
            tvec.put(0, 0, (lm.x(FaceLandmarks.NOSE_TIP) - imageWidth / 2.0) * z / imageWidth,
                    (lm.y(FaceLandmarks.NOSE_TIP) - imageHeight / 2.0) * z / imageWidth, z);
            Calib3d.solvePnP(objectPoints, imagePoints, camera, dist, rvec, tvec, true, Calib3d.SOLVEPNP_ITERATIVE);
            Calib3d.Rodrigues(rvec, r);
            double[] m = new double[9];
            r.get(0, 0, m);
            // the face's forward direction (toward the camera in the model) is -z of the model
            double fx = -m[2], fy = -m[5], fz = -m[8];
            // relative to the line of sight (face to camera), not the optical axis: a candidate looking at the
            // camera from a corner of the frame faces the camera, whatever the angle of the ray
            double[] t = new double[3];
            tvec.get(0, 0, t);
            double dx = -t[0], dy = -t[1], dz = -t[2];
            double yaw = Math.toDegrees(Math.atan2(fx, -fz) - Math.atan2(dx, -dz));
            double pitch = Math.toDegrees(Math.atan2(-fy, Math.hypot(fx, fz)) - Math.atan2(-dy, Math.hypot(dx, dz)));
            // the model's x axis in the camera frame gives the in-plane tilt
            double roll = Math.toDegrees(Math.atan2(m[3], m[0]));
            Calib3d.projectPoints(objectPoints, rvec, tvec, camera, dist, projected);
            Point[] p = projected.toArray();
            double sum = 0;
            for (int i = 0; i < p.length; i++) {
                sum += Math.pow(p[i].x - image[i].x, 2) + Math.pow(p[i].y - image[i].y, 2);
            }
            return new HeadPose(yaw, pitch, roll, Math.sqrt(sum / p.length));
        } finally {
            objectPoints.release();
            imagePoints.release();
            camera.release();
            dist.release();
            rvec.release();
            tvec.release();
            r.release();
            projected.release();
        }
    }
}
