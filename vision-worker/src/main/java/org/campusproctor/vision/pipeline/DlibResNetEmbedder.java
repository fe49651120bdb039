package org.campusproctor.vision.pipeline;

import org.opencv.core.Mat;
import org.opencv.core.Rect;

/**
 * face-api's ResNet-34 face descriptor (dlib's, 128-d; manifest name {@code faceres34}): the dlib-style crop of
 * {@link DlibFaceCrop} from the FaceMesh eye and mouth centres, RGB 0..255 normalised as the manifest says (the graph
 * itself subtracts the mean), Euclidean distance between descriptors (they are not normalised).
 */
public final class DlibResNetEmbedder implements FaceEmbedder {

    public static final String MODEL = "faceres34";

    private final ModelSession model;

    public DlibResNetEmbedder(ModelSession model) {
        this.model = model;
    }

    @Override
    public String model() {
        return model.spec().name();
    }

    @Override
    public float[] embed(Mat bgr, FaceDetection face, FaceLandmarks landmarks, Timings timings) {
        return embed(bgr, DlibFaceCrop.square(landmarks), timings);
    }

    /** The descriptor of the face in this crop square (tests place it from face-api's own landmarks). */
    public float[] embed(Mat bgr, Rect square, Timings timings) {
        ModelSpec spec = model.spec();
        float[] x = DlibFaceCrop.pixels(bgr, square, spec.width());
        if (x == null) {
            return null;
        }
        for (int i = 0; i < x.length; i++) {
            int c = i % 3;
            x[i] = (x[i] - spec.mean()[c]) / spec.std()[c];
        }
        return ModelSession.output(model.run(x, timings), spec.outputNames().get(0));
    }

    @Override
    public double distance(float[] a, float[] b) {
        return euclidean(a, b);
    }

    public static double euclidean(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
