package org.campusproctor.vision.bench;

import org.campusproctor.vision.pipeline.AlignedCrop;
import org.campusproctor.vision.pipeline.FaceDetection;
import org.campusproctor.vision.pipeline.FaceEmbedder;
import org.campusproctor.vision.pipeline.FaceLandmarker;
import org.campusproctor.vision.pipeline.FaceLandmarks;
import org.campusproctor.vision.pipeline.ModelSession;
import org.campusproctor.vision.pipeline.Timings;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

/**
 * The MobileFaceNet embedder the pipeline used before faceres34, kept only to measure it beside faceres34
 * ({@link IdentityCalibration}): 112x112 on the BlazeFace-aligned crop, embeddings centred on the embedding of a
 * mid-grey crop (the manifest's caution: one dominant direction), distance = 1 - cosine.
 */
public final class MobileFaceNetEmbedder implements FaceEmbedder {

    private final ModelSession model;
    private final double expand;
    private final float[] centre;

    public MobileFaceNetEmbedder(ModelSession model, double expand) {
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

    @Override
    public String model() {
        return model.spec().name();
    }

    @Override
    public float[] embed(Mat bgr, FaceDetection face, FaceLandmarks landmarks, Timings timings) {
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

    @Override
    public double distance(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return 1 - dot / Math.max(1e-12, Math.sqrt(na * nb));
    }
}
