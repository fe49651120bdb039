package org.campusproctor.vision.application;

import org.campusproctor.contract.vision.FrameToAnalyse;
import org.campusproctor.contract.vision.IncidentThresholds;
import org.campusproctor.contract.vision.IncidentType;
import org.campusproctor.contract.vision.VisionIncident;
import org.campusproctor.vision.pipeline.FrameAnalysis;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

/** A re-analysis run's incident-rule state is its own: it neither sees nor disturbs the live attempt's episodes. */
class IncidentTrackerTest {

    private static final long HOURS_AGO = 1_700_000_000_000L;
    private static final FrameAnalysis EMPTY_SEAT = new FrameAnalysis(640, 480, "CPU", 0, List.of("decode", "detect"),
            1000, List.of(), List.of(), List.of(), Map.of());

    @Test
    void aRunKeepsItsOwnStateAndThresholds() {
        IncidentTracker tracker = new IncidentTracker();
        assertNotSame(tracker.detector(), tracker.detector("7"));
        assertEquals(tracker.detector("7"), tracker.detector("7"));

        // live: the attempt's empty seat for 1.5 s (no incident yet at the default 2 s)
        List<VisionIncident> live = new ArrayList<>();
        FrameToAnalyse liveFrame = new FrameToAnalyse("m", "a", "k", 0, null, null, null);
        tracker.thresholdsOf(FrameAnalyser.incidentStateKey(liveFrame), null);
        long now = HOURS_AGO + 7 * 3_600_000L;
        for (int i = 0; i < 4; i++) {
            live.addAll(tracker.detector().onFrame("a", "l" + i, now + i * 500L, EMPTY_SEAT));
        }
        // a re-analysis of the same attempt's old frames, with a one-second rule, hours earlier by the frames' clock
        FrameToAnalyse old = new FrameToAnalyse("m", "a", "k", 0, null,
                IncidentThresholds.validated(Map.of("noFaceForMillis", 1000)), "7");
        String key = FrameAnalyser.incidentStateKey(old);
        assertEquals("reanalysis-7/a", key);
        tracker.thresholdsOf(key, old.incidentThresholds());
        List<VisionIncident> rerun = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rerun.addAll(tracker.detector("7").onFrame(key, "r" + i, HOURS_AGO + i * 500L, EMPTY_SEAT));
        }
        assertEquals(List.of(IncidentType.NO_FACE), rerun.stream().map(VisionIncident::type).toList());
        assertEquals(HOURS_AGO, rerun.get(0).startedAtMillis());

        // the live episode went on undisturbed: it reaches 2 s with its next frame, started at its own first frame
        live.addAll(tracker.detector().onFrame("a", "l4", now + 2_000L, EMPTY_SEAT));
        assertEquals(List.of(IncidentType.NO_FACE), live.stream().map(VisionIncident::type).toList());
        assertEquals(now, live.get(0).startedAtMillis());
    }

    /** A registrar changes the exam's thresholds during the exam: the next frames carry them and are judged by them. */
    @Test
    void aThresholdChangeAppliesFromTheNextFrame() {
        IncidentTracker tracker = new IncidentTracker();
        long t0 = HOURS_AGO;
        List<VisionIncident> raised = new ArrayList<>();
        tracker.thresholdsOf("a", null);
        for (int i = 0; i < 3; i++) { // 1 s of an empty seat: nothing at the default 2 s
            raised.addAll(tracker.onFrame("a", "f" + i, t0 + i * 500L, EMPTY_SEAT));
        }
        assertEquals(List.of(), raised);
        tracker.thresholdsOf("a", IncidentThresholds.validated(Map.of("noFaceForMillis", 1000)));
        raised.addAll(tracker.onFrame("a", "f3", t0 + 1_500L, EMPTY_SEAT));
        assertEquals(List.of(IncidentType.NO_FACE), raised.stream().map(VisionIncident::type).toList());

        // back to the defaults: a new episode needs 2 s again
        tracker.thresholdsOf("b", IncidentThresholds.validated(Map.of("noFaceForMillis", 1000)));
        tracker.thresholdsOf("b", null);
        List<VisionIncident> other = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            other.addAll(tracker.onFrame("b", "g" + i, t0 + i * 500L, EMPTY_SEAT));
        }
        assertEquals(List.of(), other);
    }
}
