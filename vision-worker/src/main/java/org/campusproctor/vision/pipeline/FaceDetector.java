package org.campusproctor.vision.pipeline;

import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * BlazeFace ("back", full-range) face detection: letterboxes the frame into the square model input, decodes the
 * anchors (16x16 grid x 2 at stride 16, 8x8 x 6 at stride 32, centres at (x+0.5)*stride; regressors dx, dy, w, h
 * and 6 keypoints in input pixels), applies sigmoid, the score threshold and MediaPipe's weighted NMS (the boxes
 * overlapping the best one are averaged by score), and maps everything back to frame pixels.
 */
public final class FaceDetector {

    private static final int[] STRIDES = {16, 32};
    private static final int[] ANCHORS_PER_CELL = {2, 6};
    private static final int REGRESSORS = 16;

    private final ModelSession model;
    private final double minScore;
    private final double iouThreshold;
    private final float[][] anchors;
    private final String[] scoreOutputs;
    private final String[] boxOutputs;

    public FaceDetector(ModelSession model, double minScore, double iouThreshold) {
        this.model = model;
        this.minScore = minScore;
        this.iouThreshold = iouThreshold;
        int size = model.spec().width();
        List<float[]> a = new ArrayList<>();
        for (int s = 0; s < STRIDES.length; s++) {
            int grid = (size + STRIDES[s] - 1) / STRIDES[s];
            for (int y = 0; y < grid; y++) {
                for (int x = 0; x < grid; x++) {
                    for (int n = 0; n < ANCHORS_PER_CELL[s]; n++) {
                        a.add(new float[]{(x + 0.5f) * STRIDES[s], (y + 0.5f) * STRIDES[s]});
                    }
                }
            }
        }
        anchors = a.toArray(float[][]::new);
        // outputs are found by shape in the manifest: [anchors of stride s, 1] scores, [anchors, 16] regressors
        scoreOutputs = new String[STRIDES.length];
        boxOutputs = new String[STRIDES.length];
        for (int s = 0; s < STRIDES.length; s++) {
            int grid = (size + STRIDES[s] - 1) / STRIDES[s];
            int count = grid * grid * ANCHORS_PER_CELL[s];
            for (ModelSpec.Output o : model.spec().outputs()) {
                if (o.shape().equals(List.of(count, 1))) {
                    scoreOutputs[s] = o.name();
                } else if (o.shape().equals(List.of(count, REGRESSORS))) {
                    boxOutputs[s] = o.name();
                }
            }
            if (scoreOutputs[s] == null || boxOutputs[s] == null) {
                throw new ModelUnavailableException("face detector " + model.spec().name() + ": no outputs of shape ["
                        + count + ",1]/[" + count + "," + REGRESSORS + "] in " + model.spec().outputs());
            }
        }
    }

    public List<FaceDetection> detect(Mat bgr, Timings timings) {
        int size = model.spec().width();
        double scale = (double) size / Math.max(bgr.cols(), bgr.rows());
        int w = Math.max(1, (int) Math.round(bgr.cols() * scale));
        int h = Math.max(1, (int) Math.round(bgr.rows() * scale));
        int padX = (size - w) / 2;
        int padY = (size - h) / 2;
        // letterbox: resize into the centre of a black square; the area filter for reductions (bilinear aliases:
        // tried, it moved a borderline BlazeFace score on the test stills from 0.55 to below 0.5)
        Mat input = Mat.zeros(size, size, bgr.type());
        Mat window = input.submat(padY, padY + h, padX, padX + w);
        float[] tensor;
        try {
            Imgproc.resize(bgr, window, new Size(w, h), 0, 0, scale < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
            tensor = model.tensor(input);
        } finally {
            window.release();
            input.release();
        }
        Map<String, float[]> out = model.run(tensor, timings);
        List<FaceDetection> candidates = new ArrayList<>();
        double minLogit = Math.log(minScore / (1 - minScore));
        int anchor = 0;
        for (int s = 0; s < 2; s++) {
            float[] scores = ModelSession.output(out, scoreOutputs[s]);
            float[] regs = ModelSession.output(out, boxOutputs[s]);
            for (int i = 0; i < scores.length; i++, anchor++) {
                if (scores[i] < minLogit) {
                    continue;
                }
                double logit = Math.max(-100, Math.min(100, scores[i]));
                double score = 1 / (1 + Math.exp(-logit));
                if (score < minScore) {
                    continue;
                }
                int r = i * REGRESSORS;
                float ax = anchors[anchor][0];
                float ay = anchors[anchor][1];
                double cx = ax + regs[r];
                double cy = ay + regs[r + 1];
                double bw = regs[r + 2];
                double bh = regs[r + 3];
                Box box = new Box((cx - bw / 2 - padX) / scale, (cy - bh / 2 - padY) / scale, bw / scale, bh / scale);
                double[] kp = new double[12];
                for (int k = 0; k < 6; k++) {
                    kp[2 * k] = (ax + regs[r + 4 + 2 * k] - padX) / scale;
                    kp[2 * k + 1] = (ay + regs[r + 5 + 2 * k] - padY) / scale;
                }
                candidates.add(new FaceDetection(box, kp, score));
            }
        }
        return weightedNms(candidates, iouThreshold);
    }

    /** MediaPipe's weighted non-maximum suppression: each kept face is the score-weighted mean of its cluster. */
    static List<FaceDetection> weightedNms(List<FaceDetection> candidates, double iouThreshold) {
        return NonMaxSuppression.merge(candidates, iouThreshold, NonMaxSuppression.ANY_KIND, FaceDetector::weightedMean);
    }

    /** Box and keypoints averaged by score; the score is the best's (the cluster's first). */
    private static FaceDetection weightedMean(List<FaceDetection> cluster) {
        double total = 0;
        double x = 0, y = 0, w = 0, h = 0;
        double[] kp = new double[12];
        for (FaceDetection d : cluster) {
            double s = d.score();
            total += s;
            x += d.box().x() * s;
            y += d.box().y() * s;
            w += d.box().width() * s;
            h += d.box().height() * s;
            for (int k = 0; k < 12; k++) {
                kp[k] += d.keypoints()[k] * s;
            }
        }
        for (int k = 0; k < 12; k++) {
            kp[k] /= total;
        }
        return new FaceDetection(new Box(x / total, y / total, w / total, h / total), kp, cluster.get(0).score());
    }
}
