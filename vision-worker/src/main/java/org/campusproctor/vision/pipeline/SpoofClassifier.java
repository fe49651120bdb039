package org.campusproctor.vision.pipeline;

import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Silent-Face MiniFASNet ensemble: each model sees the face box scaled by its own factor around the box centre (the
 * crop shifted to stay inside the frame and the factor reduced when the frame is too small, as Silent-Face's
 * CropImage does), resized to the model input; the softmax vectors are averaged and class 1 is "live".
 */
public final class SpoofClassifier {

    /** A model and the crop scale it was trained with. */
    public record Member(ModelSession model, double cropScale) {
    }

    private final List<Member> members;
    private final int liveClass;

    public SpoofClassifier(List<Member> members, int liveClass) {
        this.members = List.copyOf(members);
        this.liveClass = liveClass;
    }

    /**
     * @param roll the face's in-plane tilt (degrees, {@link HeadPose#roll()}), or 0 when unknown: a face lying on
     *             its side (|roll| > 45, e.g. a phone camera held in portrait) is turned upright by a multiple of 90
     *             degrees first, as MiniFASNet was trained on upright faces
     */
    public SpoofScore score(Mat bgr, Box face, double roll, Timings timings) {
        int quarter = (int) Math.round(roll / 90.0);
        quarter = ((quarter % 4) + 4) % 4;
        if (quarter == 0) {
            return score(bgr, face, timings);
        }
        int w = bgr.cols();
        int h = bgr.rows();
        Mat upright = new Mat();
        Box box;
        switch (quarter) {
            case 1 -> { // face's right side down: turn the image counter-clockwise
                Core.rotate(bgr, upright, Core.ROTATE_90_COUNTERCLOCKWISE);
                box = new Box(face.y(), w - face.x() - face.width(), face.height(), face.width());
            }
            case 3 -> {
                Core.rotate(bgr, upright, Core.ROTATE_90_CLOCKWISE);
                box = new Box(h - face.y() - face.height(), face.x(), face.height(), face.width());
            }
            default -> {
                Core.rotate(bgr, upright, Core.ROTATE_180);
                box = new Box(w - face.x() - face.width(), h - face.y() - face.height(), face.width(), face.height());
            }
        }
        try {
            return score(upright, box, timings);
        } finally {
            upright.release();
        }
    }

    public SpoofScore score(Mat bgr, Box face, Timings timings) {
        double[] mean = null;
        Map<String, Double> perModel = new LinkedHashMap<>();
        for (Member m : members) {
            Mat crop = crop(bgr, face, m.cropScale(), m.model().spec().width(), m.model().spec().height());
            float[] tensor;
            try {
                tensor = m.model().tensor(crop);
            } finally {
                crop.release();
            }
            Map<String, float[]> out = m.model().run(tensor, timings);
            double[] p = probabilities(ModelSession.output(out, m.model().spec().outputNames().get(0)));
            perModel.put(m.model().spec().name(), p[liveClass]);
            if (mean == null) {
                mean = new double[p.length];
            }
            for (int i = 0; i < p.length; i++) {
                mean[i] += p[i] / members.size();
            }
        }
        int best = 0;
        for (int i = 1; i < mean.length; i++) {
            if (mean[i] > mean[best]) {
                best = i;
            }
        }
        return new SpoofScore(perModel, mean[liveClass], best == liveClass);
    }

    /** Softmax, unless the model already outputs probabilities. */
    static double[] probabilities(float[] v) {
        double sum = 0;
        boolean probs = true;
        for (float f : v) {
            sum += f;
            probs &= f >= 0 && f <= 1;
        }
        double[] p = new double[v.length];
        if (probs && Math.abs(sum - 1) < 1e-3) {
            for (int i = 0; i < v.length; i++) {
                p[i] = v[i];
            }
            return p;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (float f : v) {
            max = Math.max(max, f);
        }
        double total = 0;
        for (int i = 0; i < v.length; i++) {
            p[i] = Math.exp(v[i] - max);
            total += p[i];
        }
        for (int i = 0; i < v.length; i++) {
            p[i] /= total;
        }
        return p;
    }

    /** Silent-Face's CropImage._get_new_box, then resize. */
    static Mat crop(Mat bgr, Box box, double scale, int outW, int outH) {
        int srcW = bgr.cols();
        int srcH = bgr.rows();
        double bw = Math.max(1, box.width());
        double bh = Math.max(1, box.height());
        scale = Math.min((srcH - 1) / bh, Math.min((srcW - 1) / bw, scale));
        double nw = bw * scale;
        double nh = bh * scale;
        double cx = box.cx();
        double cy = box.cy();
        double x0 = cx - nw / 2, y0 = cy - nh / 2, x1 = cx + nw / 2, y1 = cy + nh / 2;
        if (x0 < 0) {
            x1 -= x0;
            x0 = 0;
        }
        if (y0 < 0) {
            y1 -= y0;
            y0 = 0;
        }
        if (x1 > srcW - 1) {
            x0 -= x1 - srcW + 1;
            x1 = srcW - 1;
        }
        if (y1 > srcH - 1) {
            y0 -= y1 - srcH + 1;
            y1 = srcH - 1;
        }
        int ix0 = (int) Math.max(0, x0), iy0 = (int) Math.max(0, y0);
        int ix1 = (int) Math.min(srcW - 1, x1), iy1 = (int) Math.min(srcH - 1, y1);
        Mat roi = bgr.submat(new Rect(ix0, iy0, Math.max(1, ix1 - ix0 + 1), Math.max(1, iy1 - iy0 + 1)));
        Mat out = new Mat();
        Imgproc.resize(roi, out, new Size(outW, outH), 0, 0, Imgproc.INTER_LINEAR);
        roi.release();
        return out;
    }
}
