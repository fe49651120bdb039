package org.campusproctor.vision.application;

import org.campusproctor.contract.vision.IncidentThresholds;
import org.campusproctor.vision.pipeline.Box;
import org.campusproctor.vision.pipeline.DetectedObject;
import org.campusproctor.vision.pipeline.FaceAnalysis;
import org.campusproctor.vision.pipeline.FrameAnalysis;
import org.campusproctor.vision.pipeline.FramePlan;
import org.campusproctor.vision.pipeline.FrameThumbnail;
import org.campusproctor.vision.pipeline.Gaze;
import org.campusproctor.vision.pipeline.HeadPose;
import org.campusproctor.vision.pipeline.PipelineOptions.Stage;
import org.campusproctor.vision.pipeline.SpoofScore;
import org.campusproctor.vision.pipeline.StillFrame;
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

    // --- still frames: a frame where only tracking is due may take the last analysed frame's results

    private static final FrameThumbnail THUMBNAIL = new FrameThumbnail(640, 480, 80, 60, new byte[80 * 60]);

    /** A calm frame as the pipeline gives it with a still-frame plan: analysed (with its thumbnail) or reused. */
    private static FrameAnalysis calmOrReused(FramePlan plan, double yaw) {
        if (plan.still() != null) {
            return plan.still().reusedBy(300);
        }
        FrameAnalysis a = frame(plan, 1, 0.9, 0.1, 0.3, List.of());
        FaceAnalysis f = a.faces().get(0);
        FaceAnalysis turned = new FaceAnalysis(f.box(), f.detectionScore(), f.keypoints(), f.landmarkScore(),
                new HeadPose(yaw, 0, 0, 1), f.gaze(), f.mouthOpening(), f.spoof(), f.matchDistance(), null);
        return new FrameAnalysis(640, 480, "CPU", 1, a.stages(), 1000, List.of(turned), List.of(), a.objects(), Map.of(),
                TRACK, plan.stillMaxDifference() > 0 ? THUMBNAIL : null);
    }

    @Test
    void aStillFrameIsOfferedOnlyWhereNothingButTrackingIsDue() {
        List<FramePlan> plans = new ArrayList<>();
        for (int i = 0; i < 30; i++) { // 60 s
            plans.add(step(i, p -> calmOrReused(p, 0)));
        }
        int offered = 0;
        for (int i = 1; i < 30; i++) {
            FramePlan p = plans.get(i);
            boolean trackingOnly = p.track() != null && !p.gaze() && !p.spoof() && !p.match() && !p.objects();
            assertEquals(trackingOnly, p.still() != null, "frame " + i);
            assertEquals(StageSchedule.STILL_MAX_DIFFERENCE, p.stillMaxDifference());
            offered += p.still() != null ? 1 : 0;
        }
        // nothing but tracking due: frames not at a multiple of 6 s (detector, gaze), 8 s (spoof), 10 s (match)
        assertEquals(12, offered);
        StageScheduler.Coverage c = scheduler.coverage("a");
        assertEquals(12, c.reused());
        // the schedule of the other stages is the same as without still frames
        assertEquals(10, c.runs().get(Stage.DETECT));
        assertEquals(6_000L, c.longestGapMillis().get(Stage.DETECT));
        assertEquals(8_000L, c.longestGapMillis().get(Stage.SPOOF));
    }

    @Test
    void aReusedFrameTakesTheAnalysedFramesFaceButNoScheduledStage() {
        step(0, p -> calmOrReused(p, 0));
        FramePlan p1 = step(1, p -> calmOrReused(p, 0));
        assertNotNull(p1.still());
        FrameAnalysis reused = p1.still().reusedBy(300);
        assertEquals(List.of(StillFrame.REUSED), reused.stages());
        assertEquals(1, reused.faceCount());
        assertEquals(0, reused.faces().get(0).pose().yaw());
        assertNull(reused.faces().get(0).gaze());
        assertNull(reused.faces().get(0).spoof());
        assertNull(reused.faces().get(0).matchDistance());
        assertNull(reused.objects());
        assertFalse(reused.detected());
        assertSame(TRACK, reused.track());
    }

    @Test
    void aHeadBeyondTheRulesLimitsIsNeverAStillFrame() {
        step(0, p -> calmOrReused(p, 50)); // yaw 50 > 35: a looking-away episode may be starting
        FramePlan next = scheduler.plan("a", "f1", T0 + 2_000);
        assertNotNull(next.track());
        assertNull(next.still(), "the next frame is analysed");
    }

    @Test
    void aStillFrameServesForAtMostItsReuseTime() {
        StageScheduler s = new StageScheduler(new StageSchedule(60_000, 60_000, 60_000, 60_000, 60_000), a -> null, 10);
        int analysed = 0;
        for (int i = 0; i < 12; i++) {
            FramePlan p = s.plan("a", "f" + i, T0 + i * 2_000L);
            FrameAnalysis a = calmOrReused(p, 0);
            s.record("a", "f" + i, T0 + i * 2_000L, a);
            analysed += a.reused() ? 0 : 1;
            if (i > 0 && (i % 3) == 0) {
                assertFalse(a.reused(), "frame " + i + ": its still frame is 6 s old, more than "
                        + StageSchedule.STILL_REUSE_MILLIS + " ms");
            }
        }
        assertEquals(4, analysed, "at 2 s per frame: one analysed frame, then two reused, in turn");
    }

    @Test
    void withoutStillFramesEveryFrameIsAnalysed() {
        StageScheduler s = new StageScheduler(SCHEDULE.withoutStillFrames(), a -> null, 10);
        for (int i = 0; i < 10; i++) {
            FramePlan p = s.plan("a", "f" + i, T0 + i * 2_000L);
            assertNull(p.still());
            assertEquals(0, p.stillMaxDifference());
            s.record("a", "f" + i, T0 + i * 2_000L, calmOrReused(p, 0));
        }
        assertEquals(0, s.coverage("a").reused());
    }
}
