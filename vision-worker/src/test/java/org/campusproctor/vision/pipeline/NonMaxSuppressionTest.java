package org.campusproctor.vision.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The detectors' shared NMS: hard (NanoDet, per class) and weighted (BlazeFace) modes. */
class NonMaxSuppressionTest {

    static DetectedObject object(int classId, double score, double x, double y, double w, double h) {
        return new DetectedObject(classId, "c" + classId, score, new Box(x, y, w, h));
    }

    static FaceDetection face(double score, double x, double y, double w, double h) {
        double[] kp = new double[12];
        for (int k = 0; k < 12; k++) {
            kp[k] = x + k * w / 12;
        }
        return new FaceDetection(new Box(x, y, w, h), kp, score);
    }

    @Test
    void hardNmsKeepsTheBestOfEachOverlapAndOrdersByScore() {
        DetectedObject weak = object(0, 0.6, 2, 0, 100, 100);
        DetectedObject strong = object(0, 0.9, 0, 0, 100, 100);
        DetectedObject apart = object(0, 0.7, 500, 500, 50, 50);
        List<DetectedObject> kept = ObjectDetector.nms(List.of(weak, apart, strong), 0.5);
        assertEquals(List.of(strong, apart), kept);
    }

    @Test
    void hardNmsSuppressesOnlyWithinAClass() {
        DetectedObject person = object(0, 0.9, 0, 0, 100, 100);
        DetectedObject phone = object(67, 0.8, 0, 0, 100, 100);
        DetectedObject secondPerson = object(0, 0.7, 1, 1, 100, 100);
        assertEquals(List.of(person, phone), ObjectDetector.nms(List.of(secondPerson, phone, person), 0.5));
    }

    @Test
    void anOverlapEqualToTheThresholdDoesNotSuppress() {
        DetectedObject a = object(0, 0.9, 0, 0, 100, 100);
        DetectedObject b = object(0, 0.8, 50, 0, 100, 100); // IoU = 5000 / 15000 = 1/3
        assertEquals(1.0 / 3, a.box().iou(b.box()), 1e-12);
        assertEquals(List.of(a, b), ObjectDetector.nms(List.of(a, b), a.box().iou(b.box())));
        assertEquals(List.of(a), ObjectDetector.nms(List.of(a, b), 0.3));
    }

    @Test
    void equalScoresKeepTheirInputOrder() {
        DetectedObject first = object(0, 0.5, 0, 0, 10, 10);
        DetectedObject second = object(0, 0.5, 1, 0, 10, 10);
        assertSame(first, ObjectDetector.nms(List.of(first, second), 0.5).get(0));
        assertSame(second, ObjectDetector.nms(List.of(second, first), 0.5).get(0));
    }

    @Test
    void weightedNmsAveragesAClusterByScoreAndKeepsTheBestScore() {
        FaceDetection best = face(0.75, 0, 0, 100, 100);
        FaceDetection other = face(0.25, 4, 8, 104, 100);
        FaceDetection apart = face(0.5, 400, 0, 50, 50);
        List<FaceDetection> kept = FaceDetector.weightedNms(List.of(other, apart, best), 0.3);
        assertEquals(2, kept.size());
        FaceDetection merged = kept.get(0);
        assertEquals(0.75, merged.score());
        assertEquals(new Box(1, 2, 101, 100), merged.box());
        assertEquals(0.75 * best.keypoints()[3] + 0.25 * other.keypoints()[3], merged.keypoints()[3], 1e-9);
        assertEquals(apart.box(), kept.get(1).box());
        assertEquals(0.5, kept.get(1).score());
    }

    @Test
    void resultsAreModifiable() {
        // FramePipeline sorts the detector's list in place
        List<FaceDetection> faces = FaceDetector.weightedNms(List.of(face(0.5, 0, 0, 10, 10), face(0.9, 100, 0, 10, 10)), 0.3);
        faces.sort(Comparator.comparingDouble(FaceDetection::score));
        ObjectDetector.nms(List.of(object(0, 0.5, 0, 0, 10, 10)), 0.5).clear();
    }

    @Test
    @Timeout(5)
    void aDegenerateBestBoxIsKeptOnItsOwn() {
        // its IoU with itself is 0: the best candidate still forms its own cluster (the earlier face loop never ended)
        FaceDetection flat = face(0.75, 0, 0, 0, 10);
        FaceDetection normal = face(0.5, 0, 0, 10, 10);
        List<FaceDetection> kept = FaceDetector.weightedNms(List.of(flat, normal), 0.3);
        assertEquals(List.of(flat.box(), normal.box()), kept.stream().map(FaceDetection::box).toList());
        assertEquals(List.of(object(0, 0.9, 0, 0, 0, 10), object(0, 0.8, 0, 0, 10, 10)),
                ObjectDetector.nms(List.of(object(0, 0.8, 0, 0, 10, 10), object(0, 0.9, 0, 0, 0, 10)), 0.5));
    }

    /**
     * Random candidates (few distinct scores, clustered boxes: ties and overlaps are frequent) against the definition
     * of greedy NMS as ObjectDetector had it: a candidate is kept unless a kept one of its class overlaps it. The
     * weighted mode forms the same clusters: one face per kept candidate, with its score.
     */
    @Test
    void sameClustersAsGreedyNms() {
        Random random = new Random(20260101);
        for (int round = 0; round < 2000; round++) {
            int n = random.nextInt(40);
            double threshold = new double[]{0.0, 0.3, 0.5, 0.7, 0.95}[random.nextInt(5)];
            List<DetectedObject> objects = new ArrayList<>();
            List<FaceDetection> faces = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double score = random.nextInt(8) / 8.0 + 0.05;
                double x = random.nextInt(6) * 20 + random.nextDouble() * 15;
                double y = random.nextInt(3) * 20 + random.nextDouble() * 15;
                double w = 10 + random.nextDouble() * 60;
                double h = 10 + random.nextDouble() * 60;
                objects.add(object(random.nextInt(3), score, x, y, w, h));
                faces.add(face(score, x, y, w, h));
            }
            assertEquals(greedy(objects, threshold), ObjectDetector.nms(objects, threshold), "round " + round);
            List<DetectedObject> oneClass = faces.stream().map(f -> new DetectedObject(0, "face", f.score(), f.box())).toList();
            assertEquals(greedy(oneClass, threshold).stream().map(DetectedObject::score).toList(),
                    FaceDetector.weightedNms(faces, threshold).stream().map(FaceDetection::score).toList(), "round " + round);
        }
    }

    static List<DetectedObject> greedy(List<DetectedObject> all, double iou) {
        List<DetectedObject> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingDouble(DetectedObject::score).reversed());
        List<DetectedObject> kept = new ArrayList<>();
        for (DetectedObject d : sorted) {
            if (kept.stream().noneMatch(k -> k.classId() == d.classId() && k.box().iou(d.box()) > iou)) {
                kept.add(d);
            }
        }
        return kept;
    }
}
