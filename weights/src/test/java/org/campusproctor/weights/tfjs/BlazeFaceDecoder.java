package org.campusproctor.weights.tfjs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Minimal decoder for MediaPipe BlazeFace "back" (256x256): 896 anchors = 16x16 grid x 2 (stride 16) followed by
 * 8x8 x 6 (stride 32); anchor centres at (x+0.5)*stride. Regressors per anchor: [dx, dy, w, h, 6 x (kx, ky)] in
 * input pixels; score = sigmoid(logit). Weighted averaging is not done, plain greedy NMS is.
 */
final class BlazeFaceDecoder {
    static final int INPUT = 256;
    static final int ANCHORS = 896;

    record Detection(float score, float x0, float y0, float x1, float y1, float[] keypoints) {
        float width() {
            return x1 - x0;
        }

        float height() {
            return y1 - y0;
        }

        @Override
        public String toString() {
            return String.format("score=%.3f box=[%.0f,%.0f,%.0f,%.0f]px@256", score, x0, y0, x1, y1);
        }
    }

    static float[][] anchors() {
        float[][] a = new float[ANCHORS][];
        int k = 0;
        int[][] spec = {{16, 2}, {32, 6}};
        for (int[] s : spec) {
            int stride = s[0];
            int grid = INPUT / stride;
            for (int y = 0; y < grid; y++) {
                for (int x = 0; x < grid; x++) {
                    for (int n = 0; n < s[1]; n++) {
                        a[k++] = new float[] {stride * (x + 0.5f), stride * (y + 0.5f)};
                    }
                }
            }
        }
        return a;
    }

    /**
     * @param scores512 Identity [512] logits, scores384 Identity_1 [384], reg512 Identity_2 [512*16],
     *                  reg384 Identity_3 [384*16] (one image of the batch)
     */
    static List<Detection> decode(float[] scores512, float[] scores384, float[] reg512, float[] reg384,
                                  float minScore, float iouThreshold) {
        float[][] anchors = anchors();
        List<Detection> cands = new ArrayList<>();
        for (int i = 0; i < ANCHORS; i++) {
            boolean first = i < 512;
            float logit = first ? scores512[i] : scores384[i - 512];
            float score = (float) (1 / (1 + Math.exp(-logit)));
            if (score < minScore) {
                continue;
            }
            float[] r = new float[16];
            System.arraycopy(first ? reg512 : reg384, (first ? i : i - 512) * 16, r, 0, 16);
            float cx = anchors[i][0] + r[0];
            float cy = anchors[i][1] + r[1];
            float w = r[2];
            float h = r[3];
            float[] kp = new float[12];
            for (int k = 0; k < 6; k++) {
                kp[2 * k] = anchors[i][0] + r[4 + 2 * k];
                kp[2 * k + 1] = anchors[i][1] + r[5 + 2 * k];
            }
            cands.add(new Detection(score, cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, kp));
        }
        cands.sort(Comparator.comparingDouble(d -> -d.score()));
        List<Detection> kept = new ArrayList<>();
        for (Detection d : cands) {
            boolean suppressed = false;
            for (Detection k : kept) {
                if (iou(d, k) > iouThreshold) {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed) {
                kept.add(d);
            }
        }
        return kept;
    }

    static float iou(Detection a, Detection b) {
        float ix = Math.max(0, Math.min(a.x1(), b.x1()) - Math.max(a.x0(), b.x0()));
        float iy = Math.max(0, Math.min(a.y1(), b.y1()) - Math.max(a.y0(), b.y0()));
        float inter = ix * iy;
        float union = a.width() * a.height() + b.width() * b.height() - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
