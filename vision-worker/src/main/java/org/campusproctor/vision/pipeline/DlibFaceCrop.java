package org.campusproctor.vision.pipeline;

import org.opencv.core.Mat;
import org.opencv.core.Rect;

/**
 * The crop face-api feeds its ResNet-34 descriptor ({@code landmarks.align(null, {useDlibAlignment: true})} then
 * {@code extractFaceTensors} and {@code toBatchTensor(150, true)}), reproduced exactly because the crop decides the
 * descriptor: moving it by 5% moves a descriptor by more than the gap between same and different people.
 * <ol>
 *   <li>eye centres and mouth centre (of the 68-point landmarks: means of 36-41, 42-47, 48-67; here from the
 *   corresponding FaceMesh points);</li>
 *   <li>d = mean distance eye centre → mouth centre; size = floor(d / 0.45);</li>
 *   <li>ref = centroid of the three centres; x = floor(max(0, ref.x − 0.5·size)), y = floor(max(0, ref.y − 0.43·size));</li>
 *   <li>axis-aligned square (no rotation), clipped at the right and bottom edges of the image;</li>
 *   <li>zero-padded to a square, centred (round(diff/2) after, the rest before);</li>
 *   <li>bilinear resize without half-pixel centres (TF's legacy {@code resizeBilinear}), in float, no rounding to 8 bit.</li>
 * </ol>
 */
public final class DlibFaceCrop {

    /** FaceMesh indices of the 68-point (iBUG/dlib) eye points 36-41 and 42-47 and lip points 48-67. */
    static final int[] EYE_36_41 = {33, 160, 158, 133, 153, 144};
    static final int[] EYE_42_47 = {362, 385, 387, 263, 373, 380};
    static final int[] MOUTH_48_67 = {61, 39, 37, 0, 267, 269, 291, 405, 314, 17, 84, 181, 78, 82, 13, 312, 308, 317, 14, 87};

    static final double REL_SCALE = 0.45;
    static final double REL_X = 0.5;
    static final double REL_Y = 0.43;

    private DlibFaceCrop() {
    }

    /** The crop square (x, y, side; before clipping) from the two eye centres and the mouth centre. */
    public static Rect square(double[] eye1, double[] eye2, double[] mouth) {
        double d = (Math.hypot(mouth[0] - eye1[0], mouth[1] - eye1[1]) + Math.hypot(mouth[0] - eye2[0], mouth[1] - eye2[1])) / 2;
        int size = (int) Math.floor(d / REL_SCALE);
        double cx = (eye1[0] + eye2[0] + mouth[0]) / 3;
        double cy = (eye1[1] + eye2[1] + mouth[1]) / 3;
        int x = (int) Math.floor(Math.max(0, cx - REL_X * size));
        int y = (int) Math.floor(Math.max(0, cy - REL_Y * size));
        return new Rect(x, y, size, size);
    }

    /** The crop square from FaceMesh points. */
    public static Rect square(FaceLandmarks lm) {
        return square(centre(lm, EYE_36_41), centre(lm, EYE_42_47), centre(lm, MOUTH_48_67));
    }

    static double[] centre(FaceLandmarks lm, int[] indices) {
        double x = 0;
        double y = 0;
        for (int i : indices) {
            x += lm.x(i);
            y += lm.y(i);
        }
        return new double[]{x / indices.length, y / indices.length};
    }

    /**
     * The model input: RGB values 0..255 as floats, HWC, size x size.
     * @return null when the square lies entirely outside the image
     */
    public static float[] pixels(Mat bgr, Rect square, int size) {
        int w = Math.min(square.width, bgr.cols() - square.x);
        int h = Math.min(square.height, bgr.rows() - square.y);
        if (w <= 0 || h <= 0) {
            return null;
        }
        byte[] src = new byte[w * h * 3];
        Mat roi = bgr.submat(new Rect(square.x, square.y, w, h));
        try {
            Mat cont = roi.isContinuous() ? roi : roi.clone();
            cont.get(0, 0, src);
            if (cont != roi) {
                cont.release();
            }
        } finally {
            roi.release();
        }
        // zero padding to a square, centred: round(diff/2) after the image, the rest before
        int side = Math.max(w, h);
        int diff = side - Math.min(w, h);
        int after = (int) Math.round(diff * 0.5);
        int before = diff - after;
        int offX = w < h ? before : 0;
        int offY = h < w ? before : 0;
        float[] out = new float[size * size * 3];
        double scale = (double) side / size;
        // source offsets of each output column's and row's two neighbours (-1: in the zero padding), computed once
        int[] left = new int[size];
        int[] right = new int[size];
        double[] fxs = new double[size];
        for (int ox = 0; ox < size; ox++) {
            double sx = ox * scale;
            int x0 = (int) Math.floor(sx);
            int x1 = Math.min(x0 + 1, side - 1);
            fxs[ox] = sx - x0;
            left[ox] = offset(x0 - offX, w, 3);
            right[ox] = offset(x1 - offX, w, 3);
        }
        for (int oy = 0; oy < size; oy++) {
            double sy = oy * scale;
            int y0 = (int) Math.floor(sy);
            int y1 = Math.min(y0 + 1, side - 1);
            double fy = sy - y0;
            int top0 = offset(y0 - offY, h, w * 3);
            int bottom0 = offset(y1 - offY, h, w * 3);
            for (int ox = 0; ox < size; ox++) {
                double fx = fxs[ox];
                for (int c = 0; c < 3; c++) {
                    int channel = 2 - c; // BGR bytes, RGB out
                    double tl = px(src, top0, left[ox], channel);
                    double tr = px(src, top0, right[ox], channel);
                    double bl = px(src, bottom0, left[ox], channel);
                    double br = px(src, bottom0, right[ox], channel);
                    double top = tl + (tr - tl) * fx;
                    double bottom = bl + (br - bl) * fx;
                    out[(oy * size + ox) * 3 + c] = (float) (top + (bottom - top) * fy);
                }
            }
        }
        return out;
    }

    /** The byte offset of position i along an axis of n pixels, stride bytes apart; -1 outside the crop. */
    private static int offset(int i, int n, int stride) {
        return i < 0 || i >= n ? -1 : i * stride;
    }

    /** A channel of the unpadded crop (BGR bytes), zero in the padding. */
    private static double px(byte[] bgr, int row, int column, int channel) {
        return row < 0 || column < 0 ? 0 : bgr[row + column + channel] & 0xFF;
    }
}
