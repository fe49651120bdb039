package org.campusproctor.vision.clip;

import org.campusproctor.contract.vision.IncidentThresholds;
import org.campusproctor.contract.vision.IncidentType;
import org.campusproctor.vision.application.StageSchedule;
import org.campusproctor.vision.application.StageScheduler;
import org.campusproctor.vision.pipeline.PipelineOptions.Stage;
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
 * The clip as an attempt at the exams' rate, one frame every 2 s (every 6th clip frame, so each labelled segment
 * lasts 20-30 s), with the default stage schedule: every segment still raises exactly its incident, within the
 * schedule's worst case, while the detector and the other scheduled stages ran on far fewer frames.
 */
class ClipScheduleTest {

    static final long INTERVAL = 2_000;
    private static List<SegmentResult> results;
    private static StageScheduler scheduler;

    @BeforeAll
    static void run() {
        scheduler = new StageScheduler(StageSchedule.defaults(), a -> null, 10);
        results = ClipEvaluation.run(TestData.pipeline(), Clip.load(), 6, IncidentThresholds.DEFAULTS, INTERVAL, scheduler);
    }

    @Test
    void everySegmentRaisesExactlyItsIncident() {
        for (SegmentResult r : results) {
            assertEquals(ClipEvaluation.expected(r.segment.kind()), r.incidentTypes(),
                    r.segment.kind() + " " + r.faceCountHistogram + " live " + r.liveScores);
        }
    }

    @Test
    void eachIncidentWithinTheScheduleWorstCase() {
        StageSchedule s = StageSchedule.defaults();
        IncidentThresholds t = IncidentThresholds.DEFAULTS;
        for (SegmentResult r : results) {
            for (IncidentType type : r.incidentTypes()) {
                long worst = switch (type) {
                    // the detector runs at once when the tracked face is lost
                    case NO_FACE -> roundUp(t.noFaceForMillis());
                    case LOOKING_AWAY -> roundUp(t.lookingAwayForMillis());
                    // a second face waits for the next detector run, then the detector runs on every frame
                    case MULTIPLE_FACES -> s.detectEveryMillis() + INTERVAL + roundUp(t.multipleFacesForMillis());
                    case SPOOF_SUSPECTED -> s.spoofEveryMillis() + INTERVAL + (t.spoofFrames() - 1) * INTERVAL;
                    default -> Long.MAX_VALUE;
                };
                long delay = r.delayMillis(type);
                assertTrue(delay >= 0 && delay <= worst, type + " after " + delay + " ms, worst case " + worst);
            }
        }
    }

    @Test
    void scheduledStagesRanLessOftenButWithinTheirInterval() {
        StageScheduler.Coverage c = scheduler.coverage("clip");
        assertEquals(80, c.frames());
        int detect = c.runs().get(Stage.DETECT);
        assertTrue(detect < 60, "detector on " + detect + " of 80 frames");
        if (TestData.pipeline().activeStages().contains(Stage.OBJECTS)) {
            assertTrue(c.runs().get(Stage.OBJECTS) < 20, "objects " + c.runs());
        }
        if (TestData.pipeline().activeStages().contains(Stage.SPOOF)) {
            assertTrue(c.runs().get(Stage.SPOOF) < 50, "spoof " + c.runs());
        }
        // never longer than the interval plus one frame, except while no face is there to evaluate (spoof, gaze)
        assertTrue(c.longestGapMillis().get(Stage.DETECT) <= StageSchedule.defaults().detectEveryMillis() + INTERVAL,
                c.longestGapMillis().toString());
        assertTrue(c.longestGapMillis().getOrDefault(Stage.OBJECTS, 0L) <= StageSchedule.defaults().objectsEveryMillis() + INTERVAL,
                c.longestGapMillis().toString());
    }

    private static long roundUp(long millis) {
        return (millis + INTERVAL - 1) / INTERVAL * INTERVAL;
    }
}
