package org.campusproctor.weights.tfjs;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.FloatBuffer;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The caution about mobilefacenet in weights/README.md, kept true by a test: its embeddings are dominated by one
 * constant direction. The two parity inputs, seeded noise and a real face, give embeddings with a cosine of at least
 * 0.999, at [0,1] and at [-1,1] input. Should this fail, the model has changed: revisit the caution.
 */
class MobileFaceNetCautionTest {
    static final int SIZE = 112;

    @Test
    void noiseAndAFaceGiveNearlyParallelEmbeddings() throws Exception {
        JsonNode fx = TfjsParityTest.fixture("mobilefacenet");
        int count = SIZE * SIZE * 3;
        float[] noise = null;
        float[] face = null;
        for (JsonNode c : fx.path("cases")) {
            float[] x = ParityInputs.build(c.path("recipe"), count, TfjsParityTest.WEIGHTS);
            switch (c.path("id").asText()) {
                case "random" -> noise = x;
                case "face" -> face = x;
                default -> { }
            }
        }
        assertTrue(noise != null && face != null, "parity fixture has cases 'random' and 'face'");
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        o.setIntraOpNumThreads(1);
        try (OrtSession s = OrtEnvironment.getEnvironment().createSession(
                TfjsParityTest.WEIGHTS.resolve("models/mobilefacenet.onnx").toString(), o)) {
            double zeroToOne = cosine(embed(s, noise), embed(s, face));
            double minusOneToOne = cosine(embed(s, rescale(noise)), embed(s, rescale(face)));
            System.out.printf("mobilefacenet cosine(noise, face): %.5f at [0,1] input, %.5f at [-1,1]%n", zeroToOne, minusOneToOne);
            assertTrue(zeroToOne >= 0.999, "[0,1] input: cosine " + zeroToOne);
            assertTrue(minusOneToOne >= 0.999, "[-1,1] input: cosine " + minusOneToOne);
        }
    }

    static float[] embed(OrtSession s, float[] x) throws Exception {
        try (OnnxTensor t = OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), FloatBuffer.wrap(x), new long[] {1, SIZE, SIZE, 3});
             OrtSession.Result r = s.run(Map.of(s.getInputNames().iterator().next(), t))) {
            return TfjsParityTest.floats((OnnxTensor) r.get(0));
        }
    }

    static float[] rescale(float[] x) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * 2 - 1;
        }
        return y;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
