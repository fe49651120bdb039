package org.campusproctor.weights;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two MiniFASNet models as an ensemble on the real stills in weights/testdata/images/spoof, with the ground truth
 * of weights/testdata/labels.json, preprocessed the way Silent-Face-Anti-Spoofing does it: face box scaled by 2.7
 * (V2) / 4.0 (V1SE) about its centre, shifted inside the image, cropped, resized to 80x80 bilinear, BGR, 0..255;
 * softmax of both models averaged; argmax 1 = live.
 *
 * <p>Face boxes: src/test/resources/minifasnet/face_boxes.json (from the project's BlazeFace, checked by eye; see the
 * "about" there). Images are decoded by ImageIO, which ignores EXIF orientation: the two *_upright.jpg files store
 * upright pixels but still carry Orientation=6, and the boxes refer to the stored pixels.
 *
 * <p>Measured (Java pipeline; convert.py prints the same with cv2): every still is classified correctly, so all four are
 * asserted. The two SYNTHETIC spoofs are simulations (labels.json says so): their result shows the pipeline works, not
 * that the models catch real prints/replays of that kind.
 */
class MiniFasNetSanityTest {
    static final Path IMAGES = Path.of("testdata/images/spoof");
    static final Map<String, Double> SCALES = Map.of("minifasnet_v2", 2.7, "minifasnet_v1se", 4.0);
    static final int SIZE = MiniFasNetParityTest.SIZE;
    static final int LIVE = 1;

    static OrtEnvironment env;
    static Map<String, OrtSession> sessions = new LinkedHashMap<>();

    @BeforeAll
    static void open() throws Exception {
        env = OrtEnvironment.getEnvironment();
        for (String name : List.of("minifasnet_v2", "minifasnet_v1se")) {
            sessions.put(name, MiniFasNetParityTest.session(env, "models/" + name + ".onnx"));
        }
    }

    @AfterAll
    static void close() throws Exception {
        for (OrtSession s : sessions.values()) {
            s.close();
        }
    }

    @Test
    void ensembleSeparatesLiveFromSpoofOnTheTestStills() throws Exception {
        JsonNode boxes = MiniFasNetParityTest.resourceJson("minifasnet/face_boxes.json").path("boxes");
        Map<String, Boolean> truth = groundTruth();
        int live = 0;
        int spoof = 0;
        for (var it = boxes.fields(); it.hasNext(); ) {
            var e = it.next();
            String file = e.getKey();
            Boolean isLive = truth.get(file);
            assertNotNull(isLive, "labels.json has no 'live' ground truth for images/spoof/" + file);
            double[] p = ensemble(read(IMAGES.resolve(file)), box(e.getValue()), file);
            int label = argmax(p);
            System.out.printf("minifasnet ensemble %-55s probs [%.4f, %.4f, %.4f] -> %s (truth %s)%n", file, p[0], p[1],
                    p[2], label == LIVE ? "LIVE" : "SPOOF", isLive ? "live" : "spoof");
            // all four stills are classified correctly (measured), so every one is asserted
            assertEquals(isLive, label == LIVE, file + " probs " + java.util.Arrays.toString(p));
            if (isLive) {
                live++;
            } else {
                spoof++;
            }
        }
        assertEquals(1, live);
        assertEquals(3, spoof);
    }

    /**
     * This Java crop (ImageIO decode, float bilinear) against the cv2 crop convert.py stored for the PyTorch reference
     * (cv2 decode, cv2.resize INTER_LINEAR): they differ only by JPEG-decoder and rounding noise, and the models' P(real)
     * moves by little. Guards the Java re-implementation of upstream's crop.
     */
    @Test
    void javaCropMatchesTheCv2CropOfConvertPy() throws Exception {
        JsonNode boxes = MiniFasNetParityTest.resourceJson("minifasnet/face_boxes.json").path("boxes");
        for (String name : sessions.keySet()) {
            JsonNode cases = MiniFasNetParityTest.resourceJson("minifasnet/" + name + ".json").path("cases");
            for (JsonNode c : cases) {
                if (!c.path("input").path("kind").asText().equals("png")) {
                    continue;
                }
                String file = c.path("name").asText().substring("crop_".length()) + ".jpg";
                float[] cv2 = MiniFasNetParityTest.input(c.path("input"));
                float[] ours = crop(read(IMAGES.resolve(file)), box(boxes.path(file)), SCALES.get(name));
                double sum = 0;
                double max = 0;
                for (int i = 0; i < ours.length; i++) {
                    double d = Math.abs(ours[i] - cv2[i]);
                    sum += d;
                    max = Math.max(max, d);
                }
                float[] p = MiniFasNetParityTest.run(env, sessions.get(name), ours, 1).get("probs");
                double pReal = c.path("probs").get(LIVE).asDouble();
                System.out.printf("minifasnet crop %-16s %-50s mean|java-cv2| %.3f max %.0f; P(real) java %.4f cv2 %.4f%n",
                        name, file, sum / ours.length, max, p[LIVE], pReal);
                assertTrue(sum / ours.length < 0.5, "mean abs pixel difference " + sum / ours.length);
                assertTrue(Math.abs(p[LIVE] - pReal) < 0.01, "P(real) java " + p[LIVE] + " cv2 " + pReal);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private double[] ensemble(BufferedImage img, double[] box, String file) throws Exception {
        double[] mean = new double[3];
        for (Map.Entry<String, OrtSession> m : sessions.entrySet()) {
            float[] p = MiniFasNetParityTest.run(env, m.getValue(), crop(img, box, SCALES.get(m.getKey())), 1).get("probs");
            System.out.printf("minifasnet %-16s %-55s probs [%.4f, %.4f, %.4f]%n", m.getKey(), file, p[0], p[1], p[2]);
            for (int c = 0; c < 3; c++) {
                mean[c] += p[c] / sessions.size();
            }
        }
        return mean;
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }

    private static Map<String, Boolean> groundTruth() throws Exception {
        Map<String, Boolean> truth = new LinkedHashMap<>();
        for (JsonNode img : new ObjectMapper().readTree(Path.of("testdata/labels.json").toFile()).path("images")) {
            String f = img.path("file").asText();
            JsonNode live = img.path("ground_truth").path("live");
            if (f.startsWith("images/spoof/") && live.isBoolean()) {
                truth.put(f.substring("images/spoof/".length()), live.asBoolean());
            }
        }
        return truth;
    }

    private static BufferedImage read(Path file) throws Exception {
        BufferedImage img = ImageIO.read(file.toFile());
        assertNotNull(img, "cannot decode " + file);
        return img;
    }

    private static double[] box(JsonNode b) {
        return new double[] {b.get(0).asDouble(), b.get(1).asDouble(), b.get(2).asDouble(), b.get(3).asDouble()};
    }

    /**
     * Silent-Face CropImage: box [x,y,w,h] scaled about its centre (scale lowered so it fits), shifted back inside the
     * image, truncated to int (inclusive corners); the region resized to 80x80 like cv2.resize INTER_LINEAR (half-pixel
     * centres, edge replicated, no antialiasing), rounded to 8 bits as cv2 does on uint8; returned as BGR planes.
     */
    static float[] crop(BufferedImage img, double[] box, double scale) {
        int srcW = img.getWidth();
        int srcH = img.getHeight();
        double bw = box[2];
        double bh = box[3];
        scale = Math.min((srcH - 1) / bh, Math.min((srcW - 1) / bw, scale));
        double nw = bw * scale;
        double nh = bh * scale;
        double cx = bw / 2 + box[0];
        double cy = bh / 2 + box[1];
        double x0 = cx - nw / 2;
        double y0 = cy - nh / 2;
        double x1 = cx + nw / 2;
        double y1 = cy + nh / 2;
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
        int left = (int) x0;
        int top = (int) y0;
        int w = (int) x1 - left + 1;
        int h = (int) y1 - top + 1;
        int[] rgb = img.getRGB(left, top, w, h, null, 0, w);

        float[] out = new float[3 * SIZE * SIZE];
        int plane = SIZE * SIZE;
        for (int dy = 0; dy < SIZE; dy++) {
            double fy = (dy + 0.5) * h / SIZE - 0.5;
            int sy = (int) Math.floor(fy);
            fy -= sy;
            if (sy < 0) {
                sy = 0;
                fy = 0;
            }
            if (sy >= h - 1) {
                sy = h - 1;
                fy = 0;
            }
            int sy1 = Math.min(sy + 1, h - 1);
            for (int dx = 0; dx < SIZE; dx++) {
                double fx = (dx + 0.5) * w / SIZE - 0.5;
                int sx = (int) Math.floor(fx);
                fx -= sx;
                if (sx < 0) {
                    sx = 0;
                    fx = 0;
                }
                if (sx >= w - 1) {
                    sx = w - 1;
                    fx = 0;
                }
                int sx1 = Math.min(sx + 1, w - 1);
                int p00 = rgb[sy * w + sx];
                int p01 = rgb[sy * w + sx1];
                int p10 = rgb[sy1 * w + sx];
                int p11 = rgb[sy1 * w + sx1];
                for (int c = 0; c < 3; c++) {          // c = 0: B, 1: G, 2: R
                    int shift = 8 * c;
                    double v = (1 - fy) * ((1 - fx) * ((p00 >> shift) & 0xFF) + fx * ((p01 >> shift) & 0xFF))
                            + fy * ((1 - fx) * ((p10 >> shift) & 0xFF) + fx * ((p11 >> shift) & 0xFF));
                    out[c * plane + dy * SIZE + dx] = Math.round(v);
                }
            }
        }
        return out;
    }
}
