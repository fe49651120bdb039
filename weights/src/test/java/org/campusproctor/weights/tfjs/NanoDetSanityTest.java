package org.campusproctor.weights.tfjs;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * NanoDet (models/nanodet.onnx) class sanity: whole image stretched to 416x416, BGR, (x - mean) / std, NCHW (the
 * manifest's preprocessing). Only the best score per class over all cells is looked at (no box decoding).
 * Asserted (holds): 'person' is the top class with score >= 0.5 on every single_frontal still, 'cup' is the top class
 * on the coffee photo.
 */
class NanoDetSanityTest {
    static final float[] MEAN_BGR = {103.53f, 116.28f, 123.675f};
    static final float[] STD_BGR = {57.375f, 57.12f, 58.395f};
    static OrtSession session;
    static List<String> labels;

    @BeforeAll
    static void open() throws Exception {
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        o.setIntraOpNumThreads(1);
        session = OrtEnvironment.getEnvironment().createSession("models/nanodet.onnx", o);
        try (InputStream in = NanoDetSanityTest.class.getResourceAsStream("/coco-labels.txt")) {
            labels = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        assertEquals(80, labels.size());
    }

    @AfterAll
    static void close() throws Exception {
        session.close();
    }

    /** Best score per class over the three strides. */
    static float[] classScores(Path file) throws Exception {
        float[] rgb = TestImages.resizeBilinear(TestImages.load(file), 416, 416);
        float[] chw = new float[rgb.length];
        int plane = 416 * 416;
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < 3; c++) { // channel c of the input is B, G, R
                chw[c * plane + p] = (rgb[p * 3 + (2 - c)] - MEAN_BGR[c]) / STD_BGR[c];
            }
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(chw), new long[] {1, 3, 416, 416});
             OrtSession.Result r = session.run(Map.of("input_1", t))) {
            float[] best = new float[80];
            for (String o : List.of("Identity", "Identity_1", "Identity_2")) {
                float[] v = TfjsParityTest.floats((OnnxTensor) r.get(o).orElseThrow());
                for (int i = 0; i < v.length; i++) {
                    best[i % 80] = Math.max(best[i % 80], v[i]);
                }
            }
            return best;
        }
    }

    static int argmax(float[] v) {
        int b = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[b]) {
                b = i;
            }
        }
        return b;
    }

    static String describe(Path f, float[] s) {
        int top = argmax(s);
        return String.format("nanodet %-60s top %s=%.2f person=%.2f cell phone=%.2f", f.getFileName(), labels.get(top), s[top],
                s[labels.indexOf("person")], s[labels.indexOf("cell phone")]);
    }

    @Test
    void personIsTopClassOnSingleFaceStills() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("testdata/images/single_frontal"))) {
            for (Path f : files.sorted().toList()) {
                float[] s = classScores(f);
                System.out.println(describe(f, s));
                assertEquals("person", labels.get(argmax(s)), f.toString());
                assertTrue(s[argmax(s)] >= 0.5f, f.toString());
            }
        }
    }

    @Test
    void cupIsTopClassOnCoffeePhoto() throws Exception {
        Path f = Path.of("testdata/images/no_person/skimage_coffee.png");
        float[] s = classScores(f);
        System.out.println(describe(f, s));
        assertEquals("cup", labels.get(argmax(s)));
    }
}
