package org.campusproctor.vision.pipeline;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

/**
 * MobileFaceNet embedding of the aligned face crop. The manifest warns that this model's raw embeddings share one
 * dominant direction (cosine >= 0.999 between any inputs), so embeddings are centred on the embedding of a uniform
 * mid-grey crop before comparing; the distance is 1 - cosine of the centred vectors (0 same, 1 unrelated, 2 opposite).
 * Not calibrated on real enrolment data: treat the distance as evidence, and the threshold as provisional.
 */
public final class FaceEmbedder {

    private final ModelSession model;
    private final double expand;
    private final float[] centre;

    public FaceEmbedder(ModelSession model, double expand) {
        this.model = model;
        this.expand = expand;
        Mat grey = new Mat(model.spec().height(), model.spec().width(), CvType.CV_8UC3, new Scalar(128, 128, 128));
        try {
            centre = raw(grey, null);
        } finally {
            grey.release();
        }
    }

    private float[] raw(Mat crop, Timings timings) {
        return ModelSession.output(model.run(model.tensor(crop), timings), model.spec().outputNames().get(0));
    }

    /** Centred embedding of a detected face. */
    public float[] embed(Mat bgr, FaceDetection face, Timings timings) {
        AlignedCrop crop = FaceLandmarker.alignedCrop(face, expand, model.spec().width());
        Mat pixels = crop.warp(bgr);
        try {
            float[] e = raw(pixels, timings);
            for (int i = 0; i < e.length; i++) {
                e[i] -= centre[i];
            }
            return e;
        } finally {
            pixels.release();
        }
    }

    public static double distance(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return 1 - dot / Math.max(1e-12, Math.sqrt(na * nb));
    }
}
