package org.campusproctor.weights;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * models/minifasnet_*.onnx under ONNX Runtime (CPU) against PyTorch reference outputs written by
 * tools/minifasnet/convert.py (src/test/resources/minifasnet/minifasnet_*.json): two seeded pseudo-random inputs
 * (a 32-bit LCG reproduced here bit for bit) and two 80x80 face crops stored as PNG (lossless, so the input is exact).
 * All cases run as one batch (exercises the dynamic batch axis) and the first case also alone.
 * Metric per output: max|onnx - torch| / max|torch| &lt; 1e-4.
 */
class MiniFasNetParityTest {
    static final double TOLERANCE = 1e-4;
    static final int SIZE = 80;
    static final int PLANE = SIZE * SIZE;

    @ParameterizedTest
    @ValueSource(strings = {"minifasnet_v2", "minifasnet_v1se"})
    void onnxMatchesPyTorch(String name) throws Exception {
        JsonNode fixture = resourceJson("minifasnet/" + name + ".json");
        JsonNode cases = fixture.path("cases");
        int n = cases.size();
        assertTrue(n >= 4, "fixture has " + n + " cases");
        float[] batch = new float[n * 3 * PLANE];
        for (int i = 0; i < n; i++) {
            System.arraycopy(input(cases.get(i).path("input")), 0, batch, i * 3 * PLANE, 3 * PLANE);
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession s = session(env, fixture.path("onnx").asText())) {
            Map<String, float[]> out = run(env, s, batch, n);
            for (String output : List.of("logits", "probs")) {
                double err = relativeError(out.get(output), reference(cases, output, n));
                System.out.printf("minifasnet parity %-16s %-7s batch of %d: max|onnx-torch|/max|torch| = %.3g%n",
                        name, output, n, err);
                assertTrue(err < TOLERANCE, name + "/" + output + " relative error " + err);
            }
            // batch of one gives the same as row 0 of the batch
            float[] first = new float[3 * PLANE];
            System.arraycopy(batch, 0, first, 0, first.length);
            float[] single = run(env, s, first, 1).get("logits");
            double err = relativeError(single, reference(cases, "logits", 1));
            assertTrue(err < TOLERANCE, name + " batch-1 relative error " + err);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"minifasnet_v2", "minifasnet_v1se"})
    void manifestEntryDescribesTheModel(String name) throws Exception {
        JsonNode entry = null;
        for (JsonNode m : new ObjectMapper().readTree(Path.of("manifest.json").toFile()).path("models")) {
            if (m.path("name").asText().equals(name)) {
                entry = m;
            }
        }
        assertNotNull(entry, "manifest.json has no entry " + name);
        assertEquals("models/" + name + ".onnx", entry.path("file").asText());
        assertEquals("Apache-2.0", entry.path("licence").asText());
        assertEquals(name.endsWith("v2") ? 2.7 : 4.0, entry.path("preprocessing").path("crop_scale").asDouble());
        assertEquals("BGR", entry.path("preprocessing").path("colour_order").asText());
        assertEquals("b6d5f04ad78778917853b25c778acef6d5626d15", entry.path("source").path("commit").asText());
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession s = session(env, entry.path("file").asText())) {
            assertEquals(List.of("input"), new ArrayList<>(s.getInputNames()));
            assertArrayEquals(new long[] {-1, 3, SIZE, SIZE},
                    ((TensorInfo) s.getInputInfo().get("input").getInfo()).getShape());
            assertEquals(List.of("logits", "probs"), new ArrayList<>(s.getOutputNames()));
            List<String> listed = new ArrayList<>();
            entry.path("outputs").forEach(o -> listed.add(o.path("name").asText()));
            assertEquals(List.of("logits", "probs"), listed);
            for (String o : listed) {
                assertArrayEquals(new long[] {-1, 3}, ((TensorInfo) s.getOutputInfo().get(o).getInfo()).getShape());
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // helpers, shared with MiniFasNetSanityTest
    // ---------------------------------------------------------------------------------------------------------

    static OrtSession session(OrtEnvironment env, String file) throws OrtException {
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        o.setIntraOpNumThreads(1);
        return env.createSession(file, o);
    }

    /** Runs a [n,3,80,80] batch; returns "logits" and "probs" as flat [n*3] arrays. */
    static Map<String, float[]> run(OrtEnvironment env, OrtSession s, float[] nchw, int n) throws OrtException {
        try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(nchw), new long[] {n, 3, SIZE, SIZE});
             OrtSession.Result r = s.run(Map.of("input", t))) {
            return Map.of("logits", floats(r, "logits", n), "probs", floats(r, "probs", n));
        }
    }

    private static float[] floats(OrtSession.Result r, String name, int n) {
        OnnxTensor t = (OnnxTensor) r.get(name).orElseThrow();
        assertArrayEquals(new long[] {n, 3}, t.getInfo().getShape(), name);
        FloatBuffer b = t.getFloatBuffer();
        float[] v = new float[b.remaining()];
        b.get(v);
        return v;
    }

    static double relativeError(float[] actual, double[] expected) {
        assertEquals(expected.length, actual.length);
        double maxDiff = 0;
        double maxRef = 0;
        for (int i = 0; i < expected.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(actual[i] - expected[i]));
            maxRef = Math.max(maxRef, Math.abs(expected[i]));
        }
        return maxDiff / maxRef;
    }

    private static double[] reference(JsonNode cases, String output, int n) {
        double[] v = new double[n * 3];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                v[i * 3 + c] = cases.get(i).path(output).get(c).asDouble();
            }
        }
        return v;
    }

    /** One [3,80,80] input as the fixture describes it: {"kind":"lcg","seed":s} or {"kind":"png","file":...}. */
    static float[] input(JsonNode spec) {
        return switch (spec.path("kind").asText()) {
            case "lcg" -> lcg(spec.path("seed").asLong());
            case "png" -> bgrPlanes(resourceImage(spec.path("file").asText()));
            default -> throw new IllegalArgumentException("unknown input " + spec);
        };
    }

    /** convert.py's lcg_input: state = 1664525*state + 1013904223 mod 2^32; value = (state>>>8)*255/2^24 as float. */
    static float[] lcg(long seed) {
        float[] v = new float[3 * PLANE];
        long s = seed & 0xFFFFFFFFL;
        for (int i = 0; i < v.length; i++) {
            s = (1664525L * s + 1013904223L) & 0xFFFFFFFFL;
            v[i] = (float) ((s >>> 8) * (255.0 / 16777216.0));
        }
        return v;
    }

    /** An 80x80 image as the model input: NCHW planes in B, G, R order, raw 0..255 values (no normalisation). */
    static float[] bgrPlanes(BufferedImage img) {
        assertEquals(SIZE, img.getWidth());
        assertEquals(SIZE, img.getHeight());
        float[] v = new float[3 * PLANE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int rgb = img.getRGB(x, y);
                int p = y * SIZE + x;
                v[p] = rgb & 0xFF;                        // B
                v[PLANE + p] = (rgb >> 8) & 0xFF;         // G
                v[2 * PLANE + p] = (rgb >> 16) & 0xFF;    // R
            }
        }
        return v;
    }

    static JsonNode resourceJson(String path) {
        try (InputStream in = MiniFasNetParityTest.class.getClassLoader().getResourceAsStream(path)) {
            assertNotNull(in, "missing test resource " + path);
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage resourceImage(String path) {
        try (InputStream in = MiniFasNetParityTest.class.getClassLoader().getResourceAsStream(path)) {
            assertNotNull(in, "missing test resource " + path);
            return ImageIO.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
