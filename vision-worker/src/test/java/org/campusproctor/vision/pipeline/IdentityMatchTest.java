package org.campusproctor.vision.pipeline;

import org.campusproctor.contract.vision.IncidentThresholds;
import org.campusproctor.vision.testdata.IdentitySet;
import org.campusproctor.vision.testdata.IdentitySet.Pair;
import org.campusproctor.vision.testdata.IdentitySet.Photo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.Rect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Identity on the labelled identity set through the pipeline's own paths (BlazeFace + FaceMesh + dlib-style crop +
 * faceres34): {@code enrol} of one photo against the largest face of another photo analysed as a frame, checked
 * against face-api's own pipeline (face-api-reference.json): the same descriptors on face-api's crops, crops placed
 * from FaceMesh close to face-api's, and every genuine pair under the default threshold, every impostor pair over it.
 */
class IdentityMatchTest {

    static List<Photo> photos;
    /** The enrolment embedding of every photo that can serve as one (obama_d shows a second person: refused). */
    static Map<Photo, float[]> enrolled = new LinkedHashMap<>();
    /** The embedding of the largest face of every photo analysed as a frame. */
    static Map<Photo, float[]> live = new LinkedHashMap<>();

    @BeforeAll
    static void enrolAll() {
        photos = IdentitySet.load(TestData.WEIGHTS);
        FramePipeline p = TestData.pipeline();
        for (Photo photo : photos) {
            try {
                enrolled.put(photo, p.enrol(IdentitySet.bytes(photo)));
            } catch (EnrolmentRefusedException e) {
                System.out.printf(Locale.ROOT, "identity %-40s refused as enrolment: %s%n", photo.name(), e.getMessage());
            }
        }
        float[] any = enrolled.values().iterator().next();
        for (Photo photo : photos) {
            FrameAnalysis a = p.analyse(IdentitySet.bytes(photo), any);
            FaceAnalysis largest = a.faces().stream().max(java.util.Comparator.comparingDouble(f -> f.box().area())).orElseThrow();
            assertNotNull(largest.embedding(), photo.name());
            live.put(photo, largest.embedding());
        }
    }

    /** The Java crop + ONNX model on face-api's own crop squares give face-api's descriptors. */
    @Test
    void descriptorsOnFaceApisCropsMatchFaceApi() {
        DlibResNetEmbedder embedder = new DlibResNetEmbedder(TestData.pipeline().model(DlibResNetEmbedder.MODEL));
        FrameDecoder decoder = new FrameDecoder();
        double worst = 0;
        for (Photo p : photos) {
            int[] s = p.faceApiSquare();
            Mat image = decoder.decode(IdentitySet.bytes(p));
            try {
                float[] d = embedder.embed(image, new Rect(s[0], s[1], s[2], s[3]), null);
                double dist = DlibResNetEmbedder.euclidean(d, p.faceApiDescriptor());
                System.out.printf(Locale.ROOT, "identity %-40s descriptor on face-api's crop: distance to face-api's %.4f%n", p.name(), dist);
                worst = Math.max(worst, dist);
            } finally {
                image.release();
            }
        }
        // what remains is the JPEG decoder (OpenCV's libjpeg vs jpeg-js): a few grey levels per pixel
        assertTrue(worst < 0.03, "worst distance to face-api's descriptor " + worst);
    }

    /** The crop placed from FaceMesh's eye and mouth points lands where face-api's 68-point crop does. */
    @Test
    void faceMeshCropsAreCloseToFaceApis() {
        FramePipeline p = TestData.pipeline();
        FaceDetector detector = new FaceDetector(p.model(FramePipeline.DETECTOR), 0.5, 0.3);
        FaceLandmarker landmarker = new FaceLandmarker(p.model(FramePipeline.LANDMARKER), PipelineOptions.defaults().landmarkExpand());
        FrameDecoder decoder = new FrameDecoder();
        double worst = 0;
        for (Photo photo : photos) {
            Mat image = decoder.decode(IdentitySet.bytes(photo));
            try {
                FaceDetection face = detector.detect(image, null).stream()
                        .max(java.util.Comparator.comparingDouble(f -> f.box().area())).orElseThrow();
                Rect r = DlibFaceCrop.square(landmarker.landmarks(image, face, null));
                int[] ref = photo.faceApiSquare();
                double shift = Math.max(Math.abs(r.x - ref[0]), Math.abs(r.y - ref[1])) / (double) ref[2];
                double scale = r.width / (double) ref[2] - 1;
                System.out.printf(Locale.ROOT, "identity %-40s FaceMesh crop %s vs face-api [%d,%d,%d]: shift %.1f%%, size %+.1f%%%n",
                        photo.name(), r, ref[0], ref[1], ref[2], 100 * shift, 100 * scale);
                worst = Math.max(worst, Math.max(shift, Math.abs(scale)));
            } finally {
                image.release();
            }
        }
        assertTrue(worst < 0.08, "FaceMesh crop off face-api's by " + worst + " of the crop size");
    }

    /** Enrolment of a against the frame b, for every ordered pair of different photos. */
    @Test
    void genuinePairsUnderTheThresholdImpostorsOver() {
        double threshold = IncidentThresholds.DEFAULTS.maxMatchDistance();
        List<String> wrong = new ArrayList<>();
        int genuine = 0;
        int impostor = 0;
        for (Map.Entry<Photo, float[]> e : enrolled.entrySet()) {
            for (Map.Entry<Photo, float[]> f : live.entrySet()) {
                if (e.getKey() == f.getKey()) {
                    continue;
                }
                Pair pair = new Pair(e.getKey(), f.getKey());
                double d = TestData.pipeline().distance(e.getValue(), f.getValue());
                System.out.printf(Locale.ROOT, "identity %-8s %-70s %.3f%n", pair.genuine() ? "genuine" : "impostor", pair, d);
                if (pair.genuine() ? d > threshold : d <= threshold) {
                    wrong.add(pair + " " + d);
                }
                genuine += pair.genuine() ? 1 : 0;
                impostor += pair.genuine() ? 0 : 1;
            }
        }
        // 8 unordered genuine pairs; obama_d is a frame only (3 ordered pairs fewer)
        assertEquals(13, genuine, "ordered genuine pairs");
        assertEquals(12 * 12 - 13, impostor, "ordered impostor pairs");
        assertTrue(wrong.isEmpty(), "pairs on the wrong side of " + threshold + ": " + wrong);
    }

    /** The default threshold is the one the calibration command measured and wrote into the manifest. */
    @Test
    void defaultThresholdIsTheCalibratedOne() throws Exception {
        try (jakarta.json.JsonReader r = jakarta.json.Json.createReader(
                java.nio.file.Files.newBufferedReader(TestData.WEIGHTS.resolve("manifest.json")))) {
            jakarta.json.JsonObject model = r.readObject().getJsonArray("models").getValuesAs(jakarta.json.JsonObject.class).stream()
                    .filter(m -> m.getString("name").equals(DlibResNetEmbedder.MODEL)).findFirst().orElseThrow();
            jakarta.json.JsonObject c = model.getJsonObject("calibration");
            assertEquals(c.getJsonNumber("threshold").doubleValue(), IncidentThresholds.DEFAULTS.maxMatchDistance(), 0.005);
            assertTrue(c.getJsonArray("genuine_min_median_max").getJsonNumber(2).doubleValue() < IncidentThresholds.DEFAULTS.maxMatchDistance());
            assertTrue(c.getJsonArray("impostor_min_median_max").getJsonNumber(0).doubleValue() > IncidentThresholds.DEFAULTS.maxMatchDistance());
        }
    }

    @Test
    void enrolmentIsTheEmbeddingOfTheOnlyFace() {
        assertEquals(photos.size() - 1, enrolled.size(), "every photo but obama_d (a second person beside him)");
        assertTrue(enrolled.keySet().stream().noneMatch(p -> p.name().equals("obama_d.jpg")));
        enrolled.values().forEach(e -> assertEquals(128, e.length));
        // the same photo again: the same embedding
        Photo first = photos.get(0);
        assertEquals(0.0, TestData.pipeline().distance(enrolled.get(first), TestData.pipeline().enrol(IdentitySet.bytes(first))), 1e-6);
    }

    @Test
    void unusableEnrolmentPhotosAreRefusedWithTheReason() {
        FramePipeline p = TestData.pipeline();
        assertReason(EnrolmentRefusedException.Reason.NO_FACE, () -> p.enrol(TestData.image("images/no_person/skimage_rocket.jpg")));
        assertReason(EnrolmentRefusedException.Reason.NO_FACE,
                () -> p.enrol(TestData.image("images/no_person/skimage_chelsea_cat_animal_face.png")));
        assertReason(EnrolmentRefusedException.Reason.SEVERAL_FACES,
                () -> p.enrol(TestData.image("images/multi_face/nasa_apollo11_crew_3faces.jpg")));
        if (p.activeStages().contains(PipelineOptions.Stage.SPOOF)) {
            assertReason(EnrolmentRefusedException.Reason.SPOOF,
                    () -> p.enrol(TestData.image("images/spoof/spoof_screen_replay_silentface_F2_upright.jpg")));
        }
    }

    private static void assertReason(EnrolmentRefusedException.Reason reason, Runnable enrol) {
        try {
            enrol.run();
        } catch (EnrolmentRefusedException e) {
            assertEquals(reason, e.reason(), e.getMessage());
            assertNotNull(e.getMessage());
            return;
        }
        throw new AssertionError("not refused, expected " + reason);
    }
}
