package org.campusproctor.vision.incidents;

import org.campusproctor.contract.vision.IncidentThresholds;
import org.campusproctor.contract.vision.IncidentType;
import org.campusproctor.contract.vision.VisionIncident;
import org.campusproctor.contract.vision.VisionMessages;
import org.campusproctor.vision.pipeline.Box;
import org.campusproctor.vision.pipeline.DetectedObject;
import org.campusproctor.vision.pipeline.FaceAnalysis;
import org.campusproctor.vision.pipeline.FrameAnalysis;
import org.campusproctor.vision.pipeline.Gaze;
import org.campusproctor.vision.pipeline.HeadPose;
import org.campusproctor.vision.pipeline.SpoofScore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules on hand-made sequences of analyses, 5 frames per second. */
class IncidentDetectorTest {

    private static final long T0 = 1_700_000_000_000L;
    private final IncidentDetector detector = new IncidentDetector();

    static FaceAnalysis face(double yaw, double pitch, Double live, Double match) {
        return new FaceAnalysis(new Box(100, 100, 200, 200), 0.9, new double[12], 0.99,
                new HeadPose(yaw, pitch, 0, 1), new Gaze(0, 0, 2), 0.02,
                live == null ? null : new SpoofScore(Map.of("m", live), live, live >= 0.5), match, null);
    }

    static FrameAnalysis frame(List<FaceAnalysis> faces, List<DetectedObject> objects) {
        return new FrameAnalysis(640, 480, "CPU", faces.size(), List.of("decode", "detect"), 1000, faces, List.of(),
                objects, Map.of());
    }

    /** Feeds n frames at 5 fps starting at frame index `from`; returns the incidents raised. */
    private List<VisionIncident> feed(String attempt, int from, int n, FrameAnalysis a) {
        List<VisionIncident> out = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            out.addAll(detector.onFrame(attempt, "f" + i, T0 + i * 200L, a));
        }
        return out;
    }

    @Test
    void frontalCandidateRaisesNothing() {
        assertEquals(List.of(), feed("a", 0, 50, frame(List.of(face(3, -5, 0.9, 0.2)), List.of())));
    }

    @Test
    void noFaceRaisesOnceAfterTheConfiguredDurationWithItsFrames() {
        List<VisionIncident> early = feed("a", 0, 10, frame(List.of(), List.of())); // 0.0 .. 1.8 s
        assertEquals(List.of(), early);
        List<VisionIncident> raised = feed("a", 10, 20, frame(List.of(), List.of())); // reaches 2.0 s at f10
        assertEquals(1, raised.size());
        VisionIncident i = raised.get(0);
        assertEquals(IncidentType.NO_FACE, i.type());
        assertEquals(2000, i.durationMillis());
        assertEquals("f0", i.frameIds().get(0));
        assertEquals("f10", i.frameIds().get(i.frameIds().size() - 1));
        assertEquals(0.0, i.evidence().get(0).scores().get("faceCount"));
        String json = VisionMessages.toJson(i);
        assertTrue(json.contains("\"noFaceForMillis\":2000"), json);
    }

    @Test
    void aFaceEndsTheEpisodeAndANewEpisodeRaisesAgain() {
        feed("a", 0, 8, frame(List.of(), List.of()));                         // 1.4 s: not yet
        feed("a", 8, 1, frame(List.of(face(0, 0, null, null)), List.of()));   // back
        assertEquals(List.of(), feed("a", 9, 10, frame(List.of(), List.of()))); // 1.8 s: not yet
        assertEquals(1, feed("a", 19, 15, frame(List.of(), List.of())).size());
        feed("a", 34, 1, frame(List.of(face(0, 0, null, null)), List.of()));
        assertEquals(1, feed("a", 35, 15, frame(List.of(), List.of())).size());
    }

    @Test
    void lookingAwayNeedsTheDurationAndTheAngle() {
        assertEquals(List.of(), feed("a", 0, 30, frame(List.of(face(30, 0, null, null)), List.of())), "30 < 35 degrees");
        List<VisionIncident> raised = feed("b", 0, 30, frame(List.of(face(-60, 0, null, null)), List.of()));
        assertEquals(1, raised.size());
        assertEquals(IncidentType.LOOKING_AWAY, raised.get(0).type());
        assertEquals(-60.0, raised.get(0).evidence().get(0).scores().get("yaw"));
        assertEquals(1, feed("c", 0, 30, frame(List.of(face(0, -40, null, null)), List.of())).size(), "pitch");
    }

    @Test
    void thresholdsComeFromTheAttemptsExam() {
        IncidentThresholds strict = IncidentThresholds.DEFAULTS.withOverrides(IncidentThresholds.validated(
                Map.of("maxYawDegrees", 20, "maxPitchDegrees", 20, "lookingAwayForMillis", 600)));
        IncidentDetector perExam = new IncidentDetector(a -> a.startsWith("strict") ? strict : null, Duration.ofHours(1));
        FrameAnalysis turned = frame(List.of(face(25, 0, null, null)), List.of());
        List<VisionIncident> got = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            got.addAll(perExam.onFrame("strict-1", "f" + i, T0 + i * 200L, turned));
            got.addAll(perExam.onFrame("lenient-1", "f" + i, T0 + i * 200L, turned));
        }
        assertEquals(1, got.size());
        assertEquals("strict-1", got.get(0).attemptId());
        assertEquals(600, got.get(0).durationMillis());
    }

    @Test
    void severalFacesOrPersons() {
        List<VisionIncident> faces = feed("a", 0, 10, frame(List.of(face(0, 0, null, null), face(5, 0, null, null)), List.of()));
        assertEquals(List.of(IncidentType.MULTIPLE_FACES), faces.stream().map(VisionIncident::type).toList());
        DetectedObject person = new DetectedObject(0, "person", 0.8, new Box(0, 0, 10, 10));
        List<VisionIncident> persons = feed("b", 0, 10, frame(List.of(face(0, 0, null, null)), List.of(person, person)));
        assertEquals(List.of(IncidentType.MULTIPLE_FACES), persons.stream().map(VisionIncident::type).toList());
    }

    @Test
    void spoofNeedsKConsecutiveFramesWithAFace() {
        FrameAnalysis spoof = frame(List.of(face(0, 0, 0.1, null)), List.of());
        assertEquals(List.of(), feed("a", 0, 4, spoof));
        feed("a", 4, 1, frame(List.of(face(0, 0, 0.9, null)), List.of()));  // live frame resets
        assertEquals(List.of(), feed("a", 5, 4, spoof));
        List<VisionIncident> raised = feed("a", 9, 1, spoof);
        assertEquals(1, raised.size());
        assertEquals(IncidentType.SPOOF_SUSPECTED, raised.get(0).type());
        assertEquals(5, raised.get(0).evidence().size());
        assertEquals(0.1, raised.get(0).evidence().get(4).scores().get("liveScore"));
    }

    @Test
    void identityMismatch() {
        List<VisionIncident> raised = feed("a", 0, 6, frame(List.of(face(0, 0, null, 0.9)), List.of()));
        assertEquals(List.of(IncidentType.IDENTITY_MISMATCH), raised.stream().map(VisionIncident::type).toList());
        assertEquals(List.of(), feed("b", 0, 20, frame(List.of(face(0, 0, null, 0.3)), List.of())));
    }

    /** Two people alternating in front of the camera: every other frame matches, the mismatches still raise. */
    @Test
    void faceSwapRaisesIdentityMismatchWithTheMismatchingFrames() {
        FrameAnalysis candidate = frame(List.of(face(0, 0, null, 0.4)), List.of());
        FrameAnalysis other = frame(List.of(face(0, 0, null, 0.9)), List.of());
        List<VisionIncident> raised = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            raised.addAll(feed("a", i, 1, i % 2 == 0 ? candidate : other));
        }
        assertEquals(List.of(IncidentType.IDENTITY_MISMATCH), raised.stream().map(VisionIncident::type).toList());
        assertEquals(List.of("f1", "f3", "f5", "f7", "f9"), raised.get(0).frameIds());
        assertEquals(0.9, raised.get(0).evidence().get(0).scores().get("matchDistance"));
    }

    /** A lone bad frame now and then (blur, a turned head) is not an incident; the episode ends once all match. */
    @Test
    void isolatedMismatchesDoNotRaise() {
        FrameAnalysis candidate = frame(List.of(face(0, 0, null, 0.4)), List.of());
        FrameAnalysis bad = frame(List.of(face(0, 0, null, 0.9)), List.of());
        List<VisionIncident> raised = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            raised.addAll(feed("a", i, 1, i % 7 == 0 ? bad : candidate));
        }
        assertEquals(List.of(), raised);
    }

    @Test
    void phoneSeenInTwoFramesOfAnEpisode() {
        DetectedObject phone = new DetectedObject(67, "cell phone", 0.7, new Box(0, 0, 10, 10));
        FrameAnalysis with = frame(List.of(face(0, 0, null, null)), List.of(phone));
        FrameAnalysis without = frame(List.of(face(0, 0, null, null)), List.of());
        assertEquals(List.of(), feed("a", 0, 1, with));
        assertEquals(List.of(), feed("a", 1, 3, without));
        List<VisionIncident> raised = feed("a", 4, 1, with);
        assertEquals(List.of(IncidentType.PHONE_SEEN), raised.stream().map(VisionIncident::type).toList());
        assertEquals(List.of("f0", "f4"), raised.get(0).frameIds());
        DetectedObject faint = new DetectedObject(67, "cell phone", 0.3, new Box(0, 0, 10, 10));
        assertEquals(List.of(), feed("b", 0, 10, frame(List.of(), List.of(faint))).stream()
                .filter(i -> i.type() == IncidentType.PHONE_SEEN).toList());
    }

    @Test
    void gapsEndEpisodesAndOldFramesAreIgnored() {
        detector.onFrame("a", "f0", T0, frame(List.of(), List.of()));
        // 30 s later: the gap ends the episode, so 2 s more are needed
        assertEquals(List.of(), detector.onFrame("a", "f1", T0 + 30_000, frame(List.of(), List.of())));
        assertEquals(List.of(), detector.onFrame("a", "old", T0 + 1_000, frame(List.of(), List.of())));
        assertEquals(1, detector.onFrame("a", "f2", T0 + 32_000, frame(List.of(), List.of())).size());
    }

    @Test
    void aRedeliveredFrameGetsTheSameAnswerOnce() {
        feed("a", 0, 10, frame(List.of(), List.of()));
        FrameAnalysis none = frame(List.of(), List.of());
        List<VisionIncident> first = detector.onFrame("a", "f10", T0 + 2000, none);
        List<VisionIncident> again = detector.onFrame("a", "f10", T0 + 2000, none);
        assertEquals(1, first.size());
        assertEquals(first, again);
        assertEquals(List.of(), detector.onFrame("a", "f11", T0 + 2200, none));
    }

    @Test
    void idleAttemptsAreForgotten() {
        IncidentDetector d = new IncidentDetector(a -> null, Duration.ofMinutes(1));
        d.onFrame("a", "f0", T0, frame(List.of(), List.of()));
        d.onFrame("b", "f0", T0 + 120_000, frame(List.of(), List.of()));
        assertEquals(1, d.trackedAttempts());
    }

    // --- frames where the attempt's schedule skipped a stage: neutral for that stage's rules

    /** A frame where the attempt's lone face was tracked (no detector run) and only the listed stages ran. */
    static FrameAnalysis tracked(FaceAnalysis face, List<DetectedObject> objects) {
        return new FrameAnalysis(640, 480, "CPU", 1, List.of("decode", "track", "landmarks", "pose"), 1000,
                List.of(face), List.of(), objects, Map.of());
    }

    @Test
    void trackedFramesNeitherEndNorExtendSeveralFaces() {
        FrameAnalysis two = frame(List.of(face(0, 0, null, null), face(5, 0, null, null)), List.of());
        FrameAnalysis track = tracked(face(0, 0, null, null), null);
        assertEquals(List.of(), detector.onFrame("a", "f0", T0, two));
        assertEquals(List.of(), detector.onFrame("a", "f1", T0 + 500, track), "a tracked frame cannot count faces");
        List<VisionIncident> raised = detector.onFrame("a", "f2", T0 + 1_000, two);
        assertEquals(List.of(IncidentType.MULTIPLE_FACES), raised.stream().map(VisionIncident::type).toList());
        assertEquals(List.of("f0", "f2"), raised.get(0).frameIds());
        // a detector run that finds one face ends the episode, as before
        detector.onFrame("b", "f0", T0, two);
        detector.onFrame("b", "f1", T0 + 500, frame(List.of(face(0, 0, null, null)), List.of()));
        assertEquals(List.of(), detector.onFrame("b", "f2", T0 + 1_000, two));
    }

    @Test
    void framesWithoutTheObjectDetectorNeitherEndNorExtendSeveralPersons() {
        DetectedObject person = new DetectedObject(0, "person", 0.8, new Box(0, 0, 10, 10));
        FrameAnalysis persons = tracked(face(0, 0, null, null), List.of(person, person));
        assertEquals(List.of(), detector.onFrame("a", "f0", T0, persons));
        assertEquals(List.of(), detector.onFrame("a", "f1", T0 + 500, tracked(face(0, 0, null, null), null)));
        assertEquals(1, detector.onFrame("a", "f2", T0 + 1_000, persons).size());
    }

    @Test
    void spoofCountsConsecutiveEvaluationsNotFrames() {
        FrameAnalysis spoof = tracked(face(0, 0, 0.1, null), null);
        FrameAnalysis skipped = tracked(face(0, 0, null, null), null);
        List<VisionIncident> raised = new ArrayList<>();
        for (int i = 0; i < 9; i++) { // spoof scored on every other frame
            raised.addAll(detector.onFrame("a", "f" + i, T0 + i * 2_000L, i % 2 == 0 ? spoof : skipped));
        }
        assertEquals(List.of(IncidentType.SPOOF_SUSPECTED), raised.stream().map(VisionIncident::type).toList());
        assertEquals(List.of("f0", "f2", "f4", "f6", "f8"), raised.get(0).frameIds());
        // a live evaluation in between still ends the episode
        for (int i = 0; i < 9; i++) {
            FrameAnalysis a = i == 4 ? tracked(face(0, 0, 0.9, null), null) : i % 2 == 0 ? spoof : skipped;
            assertEquals(List.of(), detector.onFrame("b", "f" + i, T0 + i * 2_000L, a));
        }
    }

    @Test
    void phoneCountsObjectDetectorRuns() {
        DetectedObject phone = new DetectedObject(67, "cell phone", 0.7, new Box(0, 0, 10, 10));
        assertEquals(List.of(), detector.onFrame("a", "f0", T0, tracked(face(0, 0, null, null), List.of(phone))));
        for (int i = 1; i < 4; i++) {
            assertEquals(List.of(), detector.onFrame("a", "f" + i, T0 + i * 2_000L, tracked(face(0, 0, null, null), null)));
        }
        List<VisionIncident> raised = detector.onFrame("a", "f4", T0 + 8_000, tracked(face(0, 0, null, null), List.of(phone)));
        assertEquals(List.of(IncidentType.PHONE_SEEN), raised.stream().map(VisionIncident::type).toList());
    }

    @Test
    void trackedFramesStillCountAsAFaceAndStillJudgeThePose() {
        FrameAnalysis away = tracked(face(-60, 0, null, null), null);
        List<VisionIncident> raised = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            raised.addAll(detector.onFrame("a", "f" + i, T0 + i * 1_000L, away));
        }
        assertEquals(List.of(IncidentType.LOOKING_AWAY), raised.stream().map(VisionIncident::type).toList());
    }
}
