package org.campusproctor.vision.pipeline;

import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * NanoDet (COCO): the frame stretched to the model input, per stride (8, 16, 32) class scores (sigmoid in the
 * graph) and GFL box distributions (4 sides x (regMax+1) bins, distance = expectation of the softmax x stride) around
 * the cell centre (col, row) x stride, as the manifest describes; per-class NMS. Only the classes of interest are
 * reported (default: person, cell phone, book, laptop).
 */
public final class ObjectDetector {

    private static final int[] STRIDES = {8, 16, 32};
    private static final List<String> LABELS = labels();

    private final ModelSession model;
    private final double minScore;
    private final Set<Integer> classes;
    private final String[] scoreOutputs = new String[3];
    private final String[] boxOutputs = new String[3];
    private int bins;

    public ObjectDetector(ModelSession model, double minScore, Set<Integer> classes) {
        this.model = model;
        this.minScore = minScore;
        this.classes = classes;
        for (int s = 0; s < STRIDES.length; s++) {
            int cells = (model.spec().width() / STRIDES[s]) * (model.spec().height() / STRIDES[s]);
            for (ModelSpec.Output o : model.spec().outputs()) {
                if (o.shape().size() == 2 && o.shape().get(0) == cells) {
                    if (o.shape().get(1) == LABELS.size()) {
                        scoreOutputs[s] = o.name();
                    } else if (o.shape().get(1) % 4 == 0) {
                        boxOutputs[s] = o.name();
                        bins = o.shape().get(1) / 4;
                    }
                }
            }
            if (scoreOutputs[s] == null || boxOutputs[s] == null) {
                throw new ModelUnavailableException("object detector " + model.spec().name() + ": no score/box outputs for "
                        + cells + " cells in " + model.spec().outputs());
            }
        }
    }

    public static String label(int classId) {
        return classId >= 0 && classId < LABELS.size() ? LABELS.get(classId) : "class-" + classId;
    }

    public static int classId(String label) {
        return LABELS.indexOf(label);
    }

    public List<DetectedObject> detect(Mat bgr, Timings timings) {
        int iw = model.spec().width();
        int ih = model.spec().height();
        Mat input = new Mat();
        float[] tensor;
        try {
            Imgproc.resize(bgr, input, new Size(iw, ih), 0, 0, Imgproc.INTER_AREA);
            tensor = model.tensor(input);
        } finally {
            input.release();
        }
        double sx = (double) bgr.cols() / iw;
        double sy = (double) bgr.rows() / ih;
        Map<String, float[]> out = model.run(tensor, timings);
        int nc = LABELS.size();
        List<DetectedObject> found = new ArrayList<>();
        for (int s = 0; s < STRIDES.length; s++) {
            int stride = STRIDES[s];
            int cols = iw / stride;
            float[] scores = ModelSession.output(out, scoreOutputs[s]);
            float[] boxes = ModelSession.output(out, boxOutputs[s]);
            int cells = scores.length / nc;
            for (int i = 0; i < cells; i++) {
                for (int c : classes) {
                    double score = scores[i * nc + c];
                    if (score < minScore) {
                        continue;
                    }
                    double cx = (i % cols) * stride;
                    double cy = (i / cols) * stride;
                    double[] d = new double[4];
                    for (int side = 0; side < 4; side++) {
                        int off = i * 4 * bins + side * bins;
                        double max = Double.NEGATIVE_INFINITY;
                        for (int b = 0; b < bins; b++) {
                            max = Math.max(max, boxes[off + b]);
                        }
                        double total = 0, expect = 0;
                        for (int b = 0; b < bins; b++) {
                            double e = Math.exp(boxes[off + b] - max);
                            total += e;
                            expect += e * b;
                        }
                        d[side] = expect / total * stride;
                    }
                    double x0 = Math.max(0, cx - d[0]) * sx, y0 = Math.max(0, cy - d[1]) * sy;
                    double x1 = Math.min(iw, cx + d[2]) * sx, y1 = Math.min(ih, cy + d[3]) * sy;
                    found.add(new DetectedObject(c, label(c), score, new Box(x0, y0, x1 - x0, y1 - y0)));
                }
            }
        }
        return nms(found, 0.5);
    }

    /** Hard NMS per class: a box is dropped when a better one of its class overlaps it. */
    static List<DetectedObject> nms(List<DetectedObject> all, double iou) {
        return NonMaxSuppression.keepBest(all, iou, (a, b) -> a.classId() == b.classId());
    }

    private static List<String> labels() {
        try (InputStream in = ObjectDetector.class.getResourceAsStream("coco-labels.txt")) {
            if (in == null) {
                throw new IllegalStateException("coco-labels.txt missing from the vision-worker jar");
            }
            List<String> labels = new ArrayList<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim).filter(l -> !l.isEmpty()).forEach(labels::add);
            return List.copyOf(labels);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
