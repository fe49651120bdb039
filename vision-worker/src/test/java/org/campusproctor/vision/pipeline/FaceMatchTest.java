package org.campusproctor.vision.pipeline;

import org.campusproctor.contract.vision.IncidentThresholds;
import org.campusproctor.contract.vision.IncidentType;
import org.campusproctor.contract.vision.VisionIncident;
import org.campusproctor.vision.incidents.IncidentDetector;
import org.campusproctor.vision.pipeline.PipelineOptions.Stage;
import org.campusproctor.vision.testdata.Clip;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Face match in webcam frames against an enrolment photo (faceres34, default threshold): the clip's first segment
 * re-captures the enrolment photo's person (pan/zoom and noise), its fifth segment shows somebody else (Eileen
 * Collins); frames of the two alternating in one attempt raise IDENTITY_MISMATCH.
 */
class FaceMatchTest {

    static final String ENROLMENT = "images/single_frontal/cc0_interfaces_001_frontal.jpg";
    static final int[] CANDIDATE_FRAMES = {10, 30, 60, 80};
    static final int[] OTHER_FRAMES = {370, 385, 400, 415};

    @Test
    void candidateMatchesTheEnrolmentSomebodyElseDoesNot() {
        FramePipeline p = TestData.pipeline();
        assertTrue(p.activeStages().contains(Stage.MATCH), "faceres34 is in the manifest: the match stage runs");
        float[] enrolment = p.enrol(TestData.image(ENROLMENT));
        assertEquals(0.0, p.analyse(TestData.image(ENROLMENT), enrolment).faces().get(0).matchDistance(), 1e-6);
        double threshold = IncidentThresholds.DEFAULTS.maxMatchDistance();
        Clip clip = Clip.load();
        for (int frame : CANDIDATE_FRAMES) {
            FrameAnalysis a = p.analyse(clip.frames().get(frame), enrolment);
            double d = a.faces().get(0).matchDistance();
            System.out.printf(Locale.ROOT, "match candidate frame %d: %.3f%n", frame, d);
            assertTrue(d < threshold, "frame " + frame + ": " + d);
            assertTrue(a.stages().contains("match"));
        }
        for (int frame : OTHER_FRAMES) {
            double d = p.analyse(clip.frames().get(frame), enrolment).faces().get(0).matchDistance();
            System.out.printf(Locale.ROOT, "match other frame %d: %.3f%n", frame, d);
            assertTrue(d > threshold, "frame " + frame + ": " + d);
        }
        assertNull(p.analyse(clip.frames().get(10)).faces().get(0).matchDistance(), "no enrolment, no match");
    }

    @Test
    void faceSwapInOneAttemptRaisesIdentityMismatch() {
        FramePipeline p = TestData.pipeline();
        float[] enrolment = p.enrol(TestData.image(ENROLMENT));
        Clip clip = Clip.load();
        IncidentDetector rules = new IncidentDetector();
        List<VisionIncident> raised = new ArrayList<>();
        long t0 = 1_700_000_000_000L;
        for (int i = 0; i < 8; i++) {
            int frame = (i % 2 == 0 ? CANDIDATE_FRAMES : OTHER_FRAMES)[(i / 2) % 4] + i / 2;
            FrameAnalysis a = p.analyse(clip.frames().get(frame), enrolment);
            raised.addAll(rules.onFrame("attempt", "frame" + i, t0 + i * 500L, a));
        }
        for (int i = 8; i < 10; i++) {
            raised.addAll(rules.onFrame("attempt", "frame" + i, t0 + i * 500L,
                    p.analyse(clip.frames().get(OTHER_FRAMES[0] + i), enrolment)));
        }
        assertEquals(List.of(IncidentType.IDENTITY_MISMATCH), raised.stream().map(VisionIncident::type).toList());
        assertEquals(List.of("frame1", "frame3", "frame5", "frame7", "frame8"), raised.get(0).frameIds());
    }
}
