package org.campusproctor.vision.application;

import org.campusproctor.contract.vision.IncidentThresholds;
import org.campusproctor.vision.pipeline.Box;
import org.campusproctor.vision.pipeline.DetectedObject;
import org.campusproctor.vision.pipeline.FaceAnalysis;
import org.campusproctor.vision.pipeline.FrameAnalysis;
import org.campusproctor.vision.pipeline.FramePlan;
import org.campusproctor.vision.pipeline.Gaze;
import org.campusproctor.vision.pipeline.HeadPose;
import org.campusproctor.vision.pipeline.PipelineOptions.Stage;
import org.campusproctor.vision.pipeline.SpoofScore;
import org.campusproctor.vision.pipeline.TrackedFace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-attempt schedule on hand-made analyses, one frame every 2 s (the exams' rate). */
class StageSchedulerTest {

    private static final long T0 = 1_700_000_000_000L;
    private static final StageSchedule SCHEDULE = new StageSchedule(6_000, 20_000, 8_000, 6_000, 10_000);
    private static final TrackedFace TRACK = new TrackedFace(new Box(100, 100, 200, 220), new double[12], 0, 0, 1, 1, 0.9);

    private final StageScheduler scheduler = new StageScheduler(SCHEDULE, a -> null, 100);

    /** What a frame of a calm candidate gives for the plan it got: one face, tracked onwards. */
    private static FrameAnalysis calm(FramePlan plan) {
        return frame(plan, 1, 0.9, 0.1, 0.3, List.of());
    }

    private static FrameAnalysis frame(FramePlan plan, int faces, double live, double gazeH, double match,
                                       List<DetectedObject> objects) {
        List<FaceAnalysis> f = new ArrayList<>();
        for (int i = 0; i < faces; i++) {
            f.add(new FaceAnalysis(new Box(100 + 250 * i, 100, 200 - i, 200), 0.9, new double[12], 0.99,
                    new HeadPose(0, 0, 0, 1), plan.gaze() ? new Gaze(gazeH, 0, 2) : null, 0.02,
                    plan.spoof() ? new SpoofScore(Map.of("m", live), live, live >= 0.5) : null,
                    plan.match() ? match : null, null));
        }
        List<String> stages = new ArrayList<>(List.of("decode", plan.track() == null ? "detect" : "track"));
        return new FrameAnalysis(640, 480, "CPU", faces, stages, 1000, f, List.of(),
                plan.objects() ? objects : null, Map.of(), faces == 1 ? TRACK : null);
    }

    private FramePlan step(int i, java.util.function.Function<FramePlan, FrameAnalysis> what) {
        FramePlan plan = scheduler.plan("a", "f" + i, T0 + i * 2_000L);
        scheduler.record("a", "f" + i, T0 + i * 2_000L, what.apply(plan));
        return plan;
    }

    @Test
    void firstFrameRunsEverything() {
        FramePlan p = scheduler.plan("a", "f0", T0);
        assertNull(p.track());
        assertTrue(p.gaze() && p.spoof() && p.match() && p.objects());
    }

    @Test
    void aCalmCandidateIsTrackedAndEachStageRunsAtItsInterval() {
        List<FramePlan> plans = new ArrayList<>();
        for (int i = 0; i < 30; i++) { // 60 s
            plans.add(step(i, StageSchedulerTest::calm));
        }
        // detector at 0, 6, 12 ... s: every 3rd frame; tracked in between
        for (int i = 0; i < 30; i++) {
            assertEquals(i % 3 == 0, plans.get(i).track() == null, "frame " + i);
            assertEquals(i % 10 == 0, plans.get(i).objects(), "objects at frame " + i);
            assertEquals(i % 4 == 0, plans.get(i).spoof(), "spoof at frame " + i);
            assertEquals(i % 5 == 0, plans.get(i).match(), "match at frame " + i);
        }
        assertSame(TRACK, plans.get(1).track());
        StageScheduler.Coverage c = scheduler.coverage("a");
        assertEquals(30, c.frames());
        assertEquals(10, c.runs().get(Stage.DETECT));
        assertEquals(3, c.runs().get(Stage.OBJECTS));
        assertEquals(6_000L, c.longestGapMillis().get(Stage.DETECT));
        assertEquals(20_000L, c.longestGapMillis().get(Stage.OBJECTS));
    }

    @Test
    void noFaceOrSeveralFacesKeepTheDetectorOnEveryFrame() {
        step(0, p -> frame(p, 0, 0.9, 0, 0.3, List.of()));
        assertNull(step(1, p -> frame(p, 2, 0.9, 0, 0.3, List.of())).track(), "no face last: detect");
        assertNull(step(2, StageSchedulerTest::calm).track(), "two faces last: detect");
        assertNotNull(scheduler.plan("a", "f3", T0 + 6_000).track(), "a lone face: tracked");
    }

    @Test
    void aSuspiciousResultKeepsItsStageOnEveryFrame() {
        step(0, p -> frame(p, 1, 0.2, 0.9, 0.9, List.of(new DetectedObject(67, "cell phone", 0.8, new Box(0, 0, 50, 90)))));
        FramePlan next = scheduler.plan("a", "f1", T0 + 2_000);
        assertTrue(next.spoof(), "low live score: spoof again");
        assertTrue(next.gaze(), "gaze away: gaze again");
        assertTrue(next.match(), "mismatch: match again");
        assertTrue(next.objects(), "phone seen: objects again");
        scheduler.record("a", "f1", T0 + 2_000, calm(next));
        FramePlan after = scheduler.plan("a", "f2", T0 + 4_000);
        assertFalse(after.spoof(), "live again: back to the schedule");
        assertFalse(after.gaze());
        assertFalse(after.objects());
        assertTrue(after.match(), "a mismatch among the recent matches: keep matching");
    }

    @Test
    void twoPersonsKeepTheObjectDetectorOnEveryFrame() {
        DetectedObject person = new DetectedObject(0, "person", 0.8, new Box(0, 0, 300, 400));
        step(0, p -> frame(p, 1, 0.9, 0, 0.3, List.of(person, person)));
        assertTrue(scheduler.plan("a", "f1", T0 + 2_000).objects());
    }

    @Test
    void aRedeliveredFrameGetsTheSamePlanAndIsRecordedOnce() {
        step(0, StageSchedulerTest::calm);
        FramePlan first = scheduler.plan("a", "f1", T0 + 2_000);
        scheduler.record("a", "f1", T0 + 2_000, calm(first));
        FramePlan again = scheduler.plan("a", "f1", T0 + 2_000); // the report could not be sent: redelivered
        assertSame(first, again);
        scheduler.record("a", "f1", T0 + 2_000, calm(again));
        assertEquals(2, scheduler.coverage("a").frames());
    }

    @Test
    void anOlderFrameGetsEverythingAndChangesNothing() {
        step(0, StageSchedulerTest::calm);
        step(1, StageSchedulerTest::calm);
        FramePlan old = scheduler.plan("a", "late", T0 + 1_000);
        assertEquals(FramePlan.EVERYTHING, old);
        scheduler.record("a", "late", T0 + 1_000, calm(old));
        assertEquals(2, scheduler.coverage("a").frames());
        assertNotNull(scheduler.plan("a", "f2", T0 + 4_000).track());
    }

    @Test
    void aLongGapDetectsAgain() {
        step(0, StageSchedulerTest::calm);
        long gap = IncidentThresholds.DEFAULTS.maxGapMillis() + 1;
        assertNull(scheduler.plan("a", "f1", T0 + gap).track());
    }

    @Test
    void attemptsAreIndependentAndBounded() {
        StageScheduler small = new StageScheduler(SCHEDULE, a -> null, 2);
        for (String attempt : List.of("a", "b", "c")) {
            FramePlan p = small.plan(attempt, "f0", T0);
            small.record(attempt, "f0", T0, calm(p));
        }
        assertNull(small.coverage("a"), "least recently seen attempt forgotten");
        assertEquals(1, small.coverage("c").frames());
        assertNull(small.plan("a", "f1", T0 + 2_000).track(), "a forgotten attempt starts again with the detector");
    }

    @Test
    void everyFrameScheduleRunsEverythingAlways() {
        StageScheduler all = new StageScheduler(StageSchedule.EVERY_FRAME, a -> null, 10);
        for (int i = 0; i < 5; i++) {
            FramePlan p = all.plan("a", "f" + i, T0 + i * 2_000L);
            assertEquals(FramePlan.EVERYTHING, p);
            all.record("a", "f" + i, T0 + i * 2_000L, calm(p));
        }
    }
}
