package org.campusproctor.vision.application;

import jakarta.enterprise.context.ApplicationScoped;
import org.campusproctor.contract.vision.IncidentThresholds;
import org.campusproctor.contract.vision.VisionIncident;
import org.campusproctor.vision.incidents.IncidentDetector;
import org.campusproctor.vision.pipeline.FrameAnalysis;
import org.campusproctor.vision.pipeline.FramePlan;

import java.time.Duration;
import java.util.List;

/**
 * The node's per-attempt state, shared by the MDB instances: the incident rules and the stage schedule (the tracked
 * face, when each stage last ran). Frames of one attempt reach one consumer in order because the frames queue is
 * message-grouped by attempt, so the per-attempt state lives here. Thresholds: the exam's overrides travel with each
 * frame message ({@link #thresholdsOf}); an attempt keeps the thresholds of its first frame seen on this node.
 */
@ApplicationScoped
public class IncidentTracker {

    private static final int MAX_ATTEMPTS = 10_000;

    /** Thresholds of the attempts seen lately (bounded: an attempt not seen for long falls out, as in the detector). */
    private final LruCache<String, IncidentThresholds> thresholds = new LruCache<>(MAX_ATTEMPTS);
    private final IncidentDetector detector = new IncidentDetector(thresholds::get, Duration.ofHours(6));
    private final StageScheduler scheduler = new StageScheduler(StageSchedule.fromSettings(), thresholds::get, MAX_ATTEMPTS);

    public IncidentDetector detector() {
        return detector;
    }

    public StageScheduler scheduler() {
        return scheduler;
    }

    /** Records the thresholds of an attempt's exam from the frame message's overrides (null = defaults). */
    public void thresholdsOf(String attemptId, IncidentThresholds overrides) {
        if (overrides != null && !thresholds.containsKey(attemptId)) {
            thresholds.put(attemptId, IncidentThresholds.DEFAULTS.withOverrides(overrides));
        }
    }

    /** The stages to run on this frame of the attempt. */
    public FramePlan plan(String attemptId, String frameId, long capturedAtMillis) {
        return scheduler.plan(attemptId, frameId, capturedAtMillis);
    }

    /** Feeds the frame's analysis to the schedule and the rules; returns the incidents it raises. */
    public List<VisionIncident> onFrame(String attemptId, String frameId, long capturedAtMillis, FrameAnalysis analysis) {
        scheduler.record(attemptId, frameId, capturedAtMillis, analysis);
        return detector.onFrame(attemptId, frameId, capturedAtMillis, analysis);
    }
}
