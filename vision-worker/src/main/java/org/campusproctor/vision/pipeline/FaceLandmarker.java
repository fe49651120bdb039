package org.campusproctor.vision.pipeline;

import org.opencv.core.Mat;

import java.util.Map;

/**
 * FaceMesh on the aligned, expanded face crop: the BlazeFace box enlarged {@code expand} times, squared, and
 * rotated so that the eye keypoints are level (as MediaPipe builds its landmark ROI); the 468 points are mapped back
 * to image pixels through the same transform.
 */
public final class FaceLandmarker {

    private final ModelSession model;
    private final double expand;
    private final String meshOutput;
    private final String flagOutput;

    public FaceLandmarker(ModelSession model, double expand) {
        this.model = model;
        this.expand = expand;
        // the manifest names the outputs by their TF signature keys
        this.meshOutput = model.spec().outputByKey("output_mesh");
        this.flagOutput = model.spec().outputByKey("output_faceflag");
    }

    /** The crop this landmarker uses for a detection (also used by other stages that want an aligned face). */
    public static AlignedCrop alignedCrop(FaceDetection face, double expand, int size) {
        double angle = Math.atan2(face.ky(1) - face.ky(0), face.kx(1) - face.kx(0));
        double side = Math.max(face.box().width(), face.box().height()) * expand;
        return new AlignedCrop(face.box().cx(), face.box().cy(), side, angle, size, false);
    }

    public FaceLandmarks landmarks(Mat bgr, FaceDetection face, Timings timings) {
        AlignedCrop crop = alignedCrop(face, expand, model.spec().width());
        float[] tensor = model.tensor(crop, bgr);
        Map<String, float[]> out = model.run(tensor, timings);
        float[] mesh = ModelSession.output(out, meshOutput);
        double[] points = new double[mesh.length];
        for (int i = 0; i < mesh.length / 3; i++) {
            double u = mesh[3 * i];
            double v = mesh[3 * i + 1];
            points[3 * i] = crop.imageX(u, v);
            points[3 * i + 1] = crop.imageY(u, v);
            points[3 * i + 2] = mesh[3 * i + 2] * crop.scale();
        }
        return new FaceLandmarks(points, ModelSession.output(out, flagOutput)[0]);
    }
}
