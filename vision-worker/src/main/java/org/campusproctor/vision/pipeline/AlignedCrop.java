package org.campusproctor.vision.pipeline;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * A square, rotated crop of side {@code side} image pixels centred on (cx, cy), rotated by {@code angle} radians
 * (the crop's x axis points along (cos, sin) in the image), resampled to {@code size} x {@code size} pixels;
 * optionally mirrored horizontally. Maps crop pixels back to image pixels.
 */
public final class AlignedCrop {
    private final double a, b, c, d, tx, ty;
    private final int size;
    private final double k;

    public AlignedCrop(double cx, double cy, double side, double angle, int size, boolean mirror) {
        this.size = size;
        this.k = side / size;
        double cos = Math.cos(angle) * k;
        double sin = Math.sin(angle) * k;
        double m = mirror ? -1 : 1;
        // image = R * (m * (u - size/2), v - size/2) + (cx, cy)
        a = cos * m;
        b = -sin;
        c = sin * m;
        d = cos;
        double h = size / 2.0;
        tx = cx - a * h - b * h;
        ty = cy - c * h - d * h;
    }

    /** Image pixels per crop pixel. */
    public double scale() {
        return k;
    }

    public double imageX(double u, double v) {
        return a * u + b * v + tx;
    }

    public double imageY(double u, double v) {
        return c * u + d * v + ty;
    }

    /** The crop of the image (BGR 8-bit), out-of-image pixels replicated from the border. */
    public Mat warp(Mat image) {
        Mat m = new Mat(2, 3, CvType.CV_64F);
        m.put(0, 0, a, b, tx, c, d, ty);
        Mat out = new Mat();
        int flags = Imgproc.INTER_LINEAR | Imgproc.WARP_INVERSE_MAP;
        // large reductions alias with bilinear sampling: pre-shrink the source
        if (k > 2.5) {
            double f = 1 / (k / 1.5);
            Mat small = new Mat();
            Imgproc.resize(image, small, new Size(), f, f, Imgproc.INTER_AREA);
            Mat ms = new Mat(2, 3, CvType.CV_64F);
            ms.put(0, 0, a * f, b * f, tx * f, c * f, d * f, ty * f);
            Imgproc.warpAffine(small, out, ms, new Size(size, size), flags, Core.BORDER_REPLICATE, new Scalar(0));
            small.release();
            ms.release();
        } else {
            Imgproc.warpAffine(image, out, m, new Size(size, size), flags, Core.BORDER_REPLICATE, new Scalar(0));
        }
        m.release();
        return out;
    }
}
