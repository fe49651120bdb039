package org.campusproctor.weights.tfjs;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Rebuilds the deterministic model inputs described by the recipes in src/test/resources/parity/*.json, exactly as
 * weights/tools/tfjs-reference/make-fixtures.js builds them (all arithmetic in double, then rounded to float).
 */
final class ParityInputs {
    private ParityInputs() {
    }

    static float[] build(JsonNode recipe, int count, Path weightsDir) throws IOException {
        return switch (recipe.path("kind").asText()) {
            case "xorshift32" -> random(recipe.path("seed").asInt(), recipe.path("lo").asDouble(), recipe.path("hi").asDouble(), count);
            case "image" -> image(recipe, weightsDir);
            default -> throw new IllegalArgumentException("unknown recipe " + recipe);
        };
    }

    /** xorshift32 (13, 17, 5); value = (float) (lo + (hi - lo) * u / 2^32). */
    static float[] random(int seed, double lo, double hi, int count) {
        int x = seed;
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            long u = x & 0xFFFFFFFFL;
            out[i] = (float) (lo + (hi - lo) * (u / 4294967296.0));
        }
        return out;
    }

    static float[] image(JsonNode r, Path weightsDir) throws IOException {
        TestImages.Rgb img = TestImages.load(weightsDir.resolve(r.path("file").asText()));
        JsonNode crop = r.path("crop");
        int size = r.path("size").asInt();
        int[] px = TestImages.cropNearest(img, crop.get(0).asInt(), crop.get(1).asInt(), crop.get(2).asInt(), crop.get(3).asInt(), size);
        double divisor = r.path("divisor").asDouble();
        double subtract = r.path("subtract").asDouble();
        float[] hwc = new float[px.length];
        for (int k = 0; k < px.length; k++) {
            hwc[k] = (float) (px[k] / divisor - subtract);
        }
        return "NCHW".equals(r.path("layout").asText("NHWC")) ? TestImages.hwcToChw(hwc, size, size) : hwc;
    }

    /** Double-precision sum in index order (the fixture's inputSum). */
    static double sum(float[] v) {
        double s = 0;
        for (float f : v) {
            s += f;
        }
        return s;
    }
}
