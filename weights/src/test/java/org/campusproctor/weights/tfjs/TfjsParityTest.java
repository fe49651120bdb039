package org.campusproctor.weights.tfjs;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs weights/models/*.onnx with ONNX Runtime (CPU, default ALL_OPT) on the inputs recorded in
 * src/test/resources/parity/*.json and compares with the outputs the original TF.js graph models produced there
 * (weights/tools/tfjs-reference/make-fixtures.js, @tensorflow/tfjs CPU backend).
 * Error metric per output: max|onnx - tfjs| / max(max|tfjs|, 0.01) over the stored values. The 0.01 floor only
 * matters for facemesh's face flag on the random input, a single saturated sigmoid output of 4.7e-5 (absolute error
 * 3e-8, i.e. 7e-4 relative to its own tiny value).
 */
class TfjsParityTest {
    /** Relative tolerance (float32 re-association between two runtimes; measured values are ~1e-6). */
    static final double TOLERANCE = 1e-4;
    /** Denominator floor for outputs whose reference is all but zero. */
    static final double SCALE_FLOOR = 0.01;
    static final Path WEIGHTS = Path.of("").toAbsolutePath();

    static OrtEnvironment env;

    @BeforeAll
    static void setUp() {
        env = OrtEnvironment.getEnvironment();
    }

    static JsonNode fixture(String model) throws IOException {
        try (InputStream in = TfjsParityTest.class.getResourceAsStream("/parity/" + model + ".json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    static OrtSession session(String model) throws OrtException {
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        o.setIntraOpNumThreads(1);
        return env.createSession(WEIGHTS.resolve("models/" + model + ".onnx").toString(), o);
    }

    static long[] longs(JsonNode arr) {
        long[] r = new long[arr.size()];
        for (int k = 0; k < r.length; k++) {
            r[k] = arr.get(k).asLong();
        }
        return r;
    }

    static float[] floats(OnnxTensor t) {
        FloatBuffer b = t.getFloatBuffer();
        float[] r = new float[b.remaining()];
        b.get(r);
        return r;
    }

    /** Relative error of the stored (strided) reference values against the ONNX output starting at offset. */
    static double relativeError(JsonNode ref, float[] onnx, int offset) {
        int stride = ref.path("stride").asInt();
        JsonNode values = ref.path("values");
        double maxAbs = ref.path("maxAbs").asDouble();
        double maxErr = 0;
        for (int k = 0; k < values.size(); k++) {
            maxErr = Math.max(maxErr, Math.abs(onnx[offset + k * stride] - values.get(k).asDouble()));
        }
        return maxErr / Math.max(maxAbs, SCALE_FLOOR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"blazeface", "facemesh", "iris", "nanodet", "mobilefacenet", "faceres34"})
    void onnxMatchesTfjs(String model) throws Exception {
        JsonNode fx = fixture(model);
        long[] inShape = longs(fx.path("input").path("shape"));
        int count = Math.toIntExact(Arrays.stream(inShape).reduce(1, (a, b) -> a * b));
        double worst = 0;
        try (OrtSession s = session(model)) {
            for (JsonNode c : fx.path("cases")) {
                float[] x = ParityInputs.build(c.path("recipe"), count, WEIGHTS);
                assertEquals(c.path("inputSum").asDouble(), ParityInputs.sum(x), 0.0,
                        model + "/" + c.path("id").asText() + ": rebuilt input differs from the reference input");
                try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), inShape);
                     OrtSession.Result r = s.run(Map.of(fx.path("input").path("name").asText(), t))) {
                    Iterator<Map.Entry<String, JsonNode>> it = c.path("outputs").fields();
                    while (it.hasNext()) {
                        Map.Entry<String, JsonNode> e = it.next();
                        OnnxTensor out = (OnnxTensor) r.get(e.getKey()).orElseThrow(
                                () -> new AssertionError(model + ": no ONNX output " + e.getKey()));
                        assertArrayEquals(longs(e.getValue().path("shape")), out.getInfo().getShape(), model + "/" + e.getKey() + " shape");
                        double err = relativeError(e.getValue(), floats(out), 0);
                        System.out.printf("parity %-13s %-6s %-10s max|err|/max(max|ref|,0.01) = %.2e (max|ref| %.4g)%n",
                                model, c.path("id").asText(), e.getKey(), err, e.getValue().path("maxAbs").asDouble());
                        worst = Math.max(worst, err);
                        assertTrue(err < TOLERANCE, model + "/" + c.path("id").asText() + "/" + e.getKey() + ": relative error " + err);
                    }
                }
            }
        }
        System.out.printf("parity %-13s worst %.2e (tolerance %.0e)%n", model, worst, TOLERANCE);
    }

    /** blazeface.onnx was converted with --dynamic-batch: a batch of both cases must equal the two batch-1 references. */
    @Test
    void blazefaceDynamicBatch() throws Exception {
        JsonNode fx = fixture("blazeface");
        int per = 256 * 256 * 3;
        JsonNode cases = fx.path("cases");
        float[] x = new float[per * cases.size()];
        for (int k = 0; k < cases.size(); k++) {
            System.arraycopy(ParityInputs.build(cases.get(k).path("recipe"), per, WEIGHTS), 0, x, k * per, per);
        }
        try (OrtSession s = session("blazeface");
             OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {cases.size(), 256, 256, 3});
             OrtSession.Result r = s.run(Map.of("input", t))) {
            for (int k = 0; k < cases.size(); k++) {
                Iterator<Map.Entry<String, JsonNode>> it = cases.get(k).path("outputs").fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    OnnxTensor out = (OnnxTensor) r.get(e.getKey()).orElseThrow();
                    long[] shape = out.getInfo().getShape();
                    assertEquals(cases.size(), shape[0]);
                    int perOut = e.getValue().path("count").asInt();
                    double err = relativeError(e.getValue(), floats(out), k * perOut);
                    assertTrue(err < TOLERANCE, "batch item " + k + " " + e.getKey() + ": " + err);
                }
            }
        }
    }
}
