package org.campusproctor.weights.tfjs;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BlazeFace (models/blazeface.onnx) on the test stills in weights/testdata/images: whole image stretched to 256x256
 * (bilinear), RGB, x/127.5 - 1 (MediaPipe's [-1,1]); anchors + sigmoid + greedy NMS (BlazeFaceDecoder).
 *
 * <p>What holds and is asserted: exactly one face with score >= 0.5 on every images/single_frontal still, three and
 * two faces on the two multi_face stills, nothing >= 0.5 on the three no_person stills without an animal, and never
 * more than one face on the one-person head_pose and spoof stills (one wherever the face is visible).
 * Not asserted (see README; BlazeFaceReport prints every detection): the cat photo
 * (no_person/skimage_chelsea_cat_animal_face.png) is detected as a face with score ~0.84 — BlazeFace has no notion of
 * "human"; and the rocket photo has a weak 0.43 candidate.
 */
class BlazeFaceSanityTest {
    static final float MIN_SCORE = 0.5f;
    static final float IOU = 0.3f;
    static final Path IMAGES = Path.of("testdata/images");

    static OrtEnvironment env;
    static OrtSession session;

    @BeforeAll
    static void open() throws Exception {
        env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        o.setIntraOpNumThreads(1);
        session = env.createSession("models/blazeface.onnx", o);
    }

    @AfterAll
    static void close() throws Exception {
        session.close();
    }

    static List<BlazeFaceDecoder.Detection> detect(Path file, float minScore) throws Exception {
        TestImages.Rgb img = TestImages.load(file);
        float[] x = TestImages.normalise(TestImages.resizeBilinear(img, 256, 256), 127.5f, 1f);
        try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {1, 256, 256, 3});
             OrtSession.Result r = session.run(Map.of("input", t))) {
            List<BlazeFaceDecoder.Detection> d = BlazeFaceDecoder.decode(
                    TfjsParityTest.floats((OnnxTensor) r.get("Identity").orElseThrow()),
                    TfjsParityTest.floats((OnnxTensor) r.get("Identity_1").orElseThrow()),
                    TfjsParityTest.floats((OnnxTensor) r.get("Identity_2").orElseThrow()),
                    TfjsParityTest.floats((OnnxTensor) r.get("Identity_3").orElseThrow()), minScore, IOU);
            System.out.printf("blazeface %-75s %d face(s) >= %.2f %s%n", IMAGES.relativize(file), d.size(), minScore, d);
            return d;
        }
    }

    static List<Path> images(String dir) throws IOException {
        try (Stream<Path> s = Files.list(IMAGES.resolve(dir))) {
            return s.filter(p -> p.toString().matches(".*\\.(jpg|png)$")).sorted().toList();
        }
    }

    @Test
    void exactlyOneFaceOnEverySingleFrontalStill() throws Exception {
        List<Path> files = images("single_frontal");
        assertEquals(5, files.size());
        for (Path f : files) {
            List<BlazeFaceDecoder.Detection> d = detect(f, MIN_SCORE);
            assertEquals(1, d.size(), f + ": " + d);
            BlazeFaceDecoder.Detection face = d.get(0);
            // a plausible face box: inside the frame (with slack) and 10..80 % of its width
            assertTrue(face.width() > 25 && face.width() < 205, f + ": " + face);
            assertTrue(face.x0() > -10 && face.y0() > -10 && face.x1() < 266 && face.y1() < 266, f + ": " + face);
        }
    }

    @Test
    void countsFacesOnMultiFaceStills() throws Exception {
        assertEquals(3, detect(IMAGES.resolve("multi_face/nasa_apollo11_crew_3faces.jpg"), MIN_SCORE).size());
        assertEquals(2, detect(IMAGES.resolve("multi_face/nasa_apollo11_crop_2faces.jpg"), MIN_SCORE).size());
    }

    @Test
    void nothingConfidentOnNoPersonStillsWithoutAnimals() throws Exception {
        for (Path f : images("no_person")) {
            List<BlazeFaceDecoder.Detection> d = detect(f, MIN_SCORE);
            if (f.getFileName().toString().contains("cat_animal_face")) {
                continue; // known, measured false positive (animal face); reported, not asserted
            }
            assertEquals(0, d.size(), f + ": " + d);
        }
    }

    /**
     * One person on each head_pose and spoof still: a second box there would be a phantom second person (the
     * vision worker's MULTIPLE_FACES). The face is found at every pose up to the ~85 degree occluded profile, and on
     * every print and screen replay (judging those is the anti-spoof models' business); only the 60 degree downward
     * pitch with the face mostly hidden may go unseen.
     */
    @Test
    void atMostOneFaceOnOnePersonStillsAndOneWhereverItIsVisible() throws Exception {
        Map<String, Integer> stills = Map.of("head_pose", 7, "spoof", 4);
        for (Map.Entry<String, Integer> dir : stills.entrySet()) {
            List<Path> files = images(dir.getKey());
            assertEquals(dir.getValue(), files.size(), dir.getKey());
            for (Path f : files) {
                List<BlazeFaceDecoder.Detection> d = detect(f, MIN_SCORE);
                if (f.getFileName().toString().contains("face_mostly_hidden")) {
                    assertTrue(d.size() <= 1, f + ": " + d);
                } else {
                    assertEquals(1, d.size(), f + ": " + d);
                }
            }
        }
    }
}
