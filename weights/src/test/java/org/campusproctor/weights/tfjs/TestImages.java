package org.campusproctor.weights.tfjs;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;

/** Test-side image helpers: decode to packed RGB, crop, resize, normalise. No colour management is applied. */
final class TestImages {
    private TestImages() {
    }

    /** Decoded image: width, height and interleaved RGB bytes (0..255). */
    record Rgb(int width, int height, int[] rgb) {
        int at(int x, int y, int c) {
            return rgb[(y * width + x) * 3 + c];
        }
    }

    static Rgb load(Path file) throws IOException {
        BufferedImage img = ImageIO.read(file.toFile());
        if (img == null) {
            throw new IOException("cannot decode " + file);
        }
        int w = img.getWidth();
        int h = img.getHeight();
        int[] out = new int[w * h * 3];
        Raster r = img.getRaster();
        boolean indexed = img.getColorModel() instanceof IndexColorModel;
        int bands = r.getNumBands();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int o = (y * w + x) * 3;
                if (indexed) {
                    int p = img.getRGB(x, y);
                    out[o] = (p >> 16) & 0xFF;
                    out[o + 1] = (p >> 8) & 0xFF;
                    out[o + 2] = p & 0xFF;
                } else if (bands < 3) { // grey (+alpha): raw samples, no gamma conversion
                    int v = r.getSample(x, y, 0);
                    out[o] = v;
                    out[o + 1] = v;
                    out[o + 2] = v;
                } else { // bands are in colour-model order R, G, B (, A)
                    out[o] = r.getSample(x, y, 0);
                    out[o + 1] = r.getSample(x, y, 1);
                    out[o + 2] = r.getSample(x, y, 2);
                }
            }
        }
        return new Rgb(w, h, out);
    }

    /**
     * Crop [x0,y0,w,h] and resize to size x size by nearest neighbour with integer arithmetic
     * (src = x0 + (dx * w) / size), identical to the Node reference script's recipe.
     */
    static int[] cropNearest(Rgb img, int x0, int y0, int w, int h, int size) {
        int[] out = new int[size * size * 3];
        for (int dy = 0; dy < size; dy++) {
            int sy = y0 + (dy * h) / size;
            for (int dx = 0; dx < size; dx++) {
                int sx = x0 + (dx * w) / size;
                for (int c = 0; c < 3; c++) {
                    out[(dy * size + dx) * 3 + c] = img.at(sx, sy, c);
                }
            }
        }
        return out;
    }

    /** Bilinear resize of the whole image to outW x outH (half-pixel centres, edge clamp), as float RGB 0..255. */
    static float[] resizeBilinear(Rgb img, int outW, int outH) {
        float[] out = new float[outW * outH * 3];
        double sx = (double) img.width() / outW;
        double sy = (double) img.height() / outH;
        for (int y = 0; y < outH; y++) {
            double fy = Math.max(0, (y + 0.5) * sy - 0.5);
            int y0 = Math.min((int) fy, img.height() - 1);
            int y1 = Math.min(y0 + 1, img.height() - 1);
            double wy = fy - y0;
            for (int x = 0; x < outW; x++) {
                double fx = Math.max(0, (x + 0.5) * sx - 0.5);
                int x0 = Math.min((int) fx, img.width() - 1);
                int x1 = Math.min(x0 + 1, img.width() - 1);
                double wx = fx - x0;
                for (int c = 0; c < 3; c++) {
                    double top = img.at(x0, y0, c) * (1 - wx) + img.at(x1, y0, c) * wx;
                    double bot = img.at(x0, y1, c) * (1 - wx) + img.at(x1, y1, c) * wx;
                    out[(y * outW + x) * 3 + c] = (float) (top * (1 - wy) + bot * wy);
                }
            }
        }
        return out;
    }

    /** v * scale + offset, element-wise, in float arithmetic (as tf.div / tf.sub would do it). */
    static float[] normalise(float[] rgb, float divisor, float subtract) {
        float[] r = new float[rgb.length];
        for (int k = 0; k < r.length; k++) {
            r[k] = rgb[k] / divisor - subtract;
        }
        return r;
    }

    static float[] toFloat(int[] v) {
        float[] r = new float[v.length];
        for (int k = 0; k < v.length; k++) {
            r[k] = v[k];
        }
        return r;
    }

    /** HWC → CHW for a single image. */
    static float[] hwcToChw(float[] hwc, int h, int w) {
        float[] r = new float[hwc.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    r[(c * h + y) * w + x] = hwc[(y * w + x) * 3 + c];
                }
            }
        }
        return r;
    }
}
