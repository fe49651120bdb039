package org.campusproctor.vision.clip;

import org.campusproctor.contract.vision.VisionIncident;
import org.campusproctor.contract.vision.IncidentType;
import org.campusproctor.contract.vision.IncidentThresholds;
import org.campusproctor.vision.pipeline.TestData;
import org.campusproctor.vision.testdata.Clip;
import org.campusproctor.vision.testdata.ClipEvaluation;
import org.campusproctor.vision.testdata.ClipEvaluation.SegmentResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fake-webcam clip, 5 frames per second, through the pipeline and the incident rules (default thresholds) as one
 * attempt: each labelled segment raises exactly the incident its content calls for.
 */
class ClipIncidentsTest {

    private static List<SegmentResult> results;

    @BeforeAll
    static void run() {
        Clip clip = Clip.load();
        assertEquals(480, clip.frames().size(), "16 s at 30 fps");
        results = ClipEvaluation.run(TestData.pipeline(), clip, 6, IncidentThresholds.DEFAULTS);
    }

    private static SegmentResult segment(double startS) {
        return results.stream().filter(r -> r.segment.startS() == startS).findFirst().orElseThrow();
    }

    @Test
    void frontalSegmentsRaiseNothing() {
        assertEquals(List.of(), segment(0).incidentTypes(), "0-3 s frontal");
        assertEquals(List.of(), segment(12).incidentTypes(), "12-14 s frontal");
        assertEquals(segment(0).frames, segment(0).faceCountHistogram.get(1), "one face in every frame");
    }

    @Test
    void turnedAwaySegmentRaisesLookingAway() {
        SegmentResult r = segment(3);
        assertEquals(List.of(IncidentType.LOOKING_AWAY), r.incidentTypes(), r.faceCountHistogram + " yaw " + r.yaws);
        assertTrue(SegmentResult.mean(r.yaws) < -40, "turned toward the image left: " + r.yaws);
    }

    @Test
    void emptyDeskRaisesNoFace() {
        assertEquals(List.of(IncidentType.NO_FACE), segment(6).incidentTypes());
    }

    @Test
    void twoPeopleRaiseMultipleFaces() {
        assertEquals(List.of(IncidentType.MULTIPLE_FACES), segment(9).incidentTypes());
    }

    @Test
    void screenReplayRaisesSpoofSuspected() {
        SegmentResult r = segment(14);
        assertEquals(List.of(IncidentType.SPOOF_SUSPECTED), r.incidentTypes(), "live scores " + r.liveScores);
    }

    @Test
    void everyIncidentCarriesItsFramesAndScores() {
        results.stream().flatMap(r -> r.incidents.stream()).forEach(i -> {
            assertTrue(i.evidence().size() >= 1, i.toString());
            assertTrue(i.frameIds().stream().allMatch(f -> f.startsWith("frame-")), i.toString());
            assertTrue(i.evidence().stream().allMatch(e -> !e.scores().isEmpty()), i.toString());
        });
    }
}
