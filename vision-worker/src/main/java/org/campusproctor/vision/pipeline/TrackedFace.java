package org.campusproctor.vision.pipeline;

/**
 * An attempt's face followed into its next frame instead of detected again (MediaPipe's face pipeline): FaceMesh
 * runs on the region of the previous frame's mesh, and the detector runs only when that fails. Holds the mesh's
 * bounding box, BlazeFace-style keypoints taken from the mesh (they set the crop's rotation), and where the detector's
 * box lay relative to the mesh when the face was last detected, so that the stages cropping from the detector's box
 * (the spoof models' Silent-Face crops) see the same crop on tracked frames as on detected ones.
 *
 * @param meshBox        bounding box of the 468 mesh points in the frame they came from
 * @param keypoints      the 6 BlazeFace keypoints (eyes, nose tip, mouth centre, ears) from the mesh
 * @param dx             detector box centre minus mesh box centre, in mesh box widths
 * @param dy             the same vertically, in mesh box heights
 * @param sw             detector box width over mesh box width
 * @param sh             detector box height over mesh box height
 * @param detectionScore the detector's score when the face was last detected
 */
public record TrackedFace(Box meshBox, double[] keypoints, double dx, double dy, double sw, double sh,
                          double detectionScore) {

    /** A face just detected and confirmed by FaceMesh. */
    public static TrackedFace of(FaceDetection detected, FaceLandmarks mesh) {
        Box m = meshBox(mesh);
        Box d = detected.box();
        return new TrackedFace(m, keypoints(mesh), (d.cx() - m.cx()) / m.width(), (d.cy() - m.cy()) / m.height(),
                d.width() / m.width(), d.height() / m.height(), detected.score());
    }

    /** The same face in the next frame, where FaceMesh found it. */
    public TrackedFace follow(FaceLandmarks mesh) {
        return new TrackedFace(meshBox(mesh), keypoints(mesh), dx, dy, sw, sh, detectionScore);
    }

    /** The detection the detector would have given for this face: its box placed from the mesh. */
    public FaceDetection detection() {
        double w = meshBox.width() * sw;
        double h = meshBox.height() * sh;
        double cx = meshBox.cx() + dx * meshBox.width();
        double cy = meshBox.cy() + dy * meshBox.height();
        return new FaceDetection(new Box(cx - w / 2, cy - h / 2, w, h), keypoints, detectionScore);
    }

    static Box meshBox(FaceLandmarks mesh) {
        double[] p = mesh.points();
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (int i = 0; i < p.length / 3; i++) {
            x0 = Math.min(x0, p[3 * i]);
            x1 = Math.max(x1, p[3 * i]);
            y0 = Math.min(y0, p[3 * i + 1]);
            y1 = Math.max(y1, p[3 * i + 1]);
        }
        return new Box(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
    }

    /** BlazeFace's keypoint order: subject's right eye, left eye, nose tip, mouth centre, right ear, left ear. */
    static double[] keypoints(FaceLandmarks m) {
        return new double[]{
                (m.x(FaceLandmarks.RIGHT_EYE_OUTER) + m.x(FaceLandmarks.RIGHT_EYE_INNER)) / 2,
                (m.y(FaceLandmarks.RIGHT_EYE_OUTER) + m.y(FaceLandmarks.RIGHT_EYE_INNER)) / 2,
                (m.x(FaceLandmarks.LEFT_EYE_OUTER) + m.x(FaceLandmarks.LEFT_EYE_INNER)) / 2,
                (m.y(FaceLandmarks.LEFT_EYE_OUTER) + m.y(FaceLandmarks.LEFT_EYE_INNER)) / 2,
                m.x(FaceLandmarks.NOSE_TIP), m.y(FaceLandmarks.NOSE_TIP),
                (m.x(FaceLandmarks.LIP_UPPER_INNER) + m.x(FaceLandmarks.LIP_LOWER_INNER)) / 2,
                (m.y(FaceLandmarks.LIP_UPPER_INNER) + m.y(FaceLandmarks.LIP_LOWER_INNER)) / 2,
                m.x(FaceLandmarks.RIGHT_TRAGION), m.y(FaceLandmarks.RIGHT_TRAGION),
                m.x(FaceLandmarks.LEFT_TRAGION), m.y(FaceLandmarks.LEFT_TRAGION)};
    }
}
