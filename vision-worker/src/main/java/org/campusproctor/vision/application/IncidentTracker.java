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
 * frame message ({@link #thresholdsOf}); a registrar's change applies from the next frame of each attempt.
 */
@ApplicationScoped
public class IncidentTracker {

    private static final int MAX_ATTEMPTS = 10_000;

    /** Thresholds of the attempts seen lately (bounded: an attempt not seen for long falls out, as in the detector). */
    private final LruCache<String, IncidentThresholds> thresholds = new LruCache<>(MAX_ATTEMPTS);
    private final IncidentDetector detector = new IncidentDetector(thresholds::get, Duration.ofHours(6));
    private final StageScheduler scheduler = new StageScheduler(StageSchedule.fromSettings(), thresholds::get, MAX_ATTEMPTS);

    /** Detectors of the re-analysis runs seen lately (a run's ends when it is forgotten). */
    private final LruCache<String, IncidentDetector> runs = new LruCache<>(64);

    public IncidentDetector detector() {
        return detector;
    }

    public StageScheduler scheduler() {
        return scheduler;
    }

    /** The live detector (null run) or the run's own. */
    public IncidentDetector detector(String reanalysisRunId) {
        if (reanalysisRunId == null) {
            return detector;
        }
        synchronized (runs) {
            IncidentDetector d = runs.get(reanalysisRunId);
            if (d == null) {
                d = new IncidentDetector(thresholds::get, Duration.ofHours(6));
                runs.put(reanalysisRunId, d);
            }
            return d;
        }
    }

    /**
     * Records the thresholds of an attempt's exam from the frame message's overrides (null = defaults). Every frame
     * carries the exam's current overrides, so a change made by the registrar during the exam applies from the next
     * frame on (an episode under way is judged by the new thresholds from then on).
     */
    public void thresholdsOf(String attemptId, IncidentThresholds overrides) {
        if (overrides == null) {
            thresholds.remove(attemptId);
            return;
        }
        IncidentThresholds now = IncidentThresholds.DEFAULTS.withOverrides(overrides);
        if (!now.equals(thresholds.get(attemptId))) {
            thresholds.put(attemptId, now);
        }
    }

    /** The stages to run on this frame of the attempt. */
    public FramePlan plan(String attemptId, String frameId, long capturedAtMillis) {
        return scheduler.plan(attemptId, frameId, capturedAtMillis);
    }

    /** Feeds the frame's analysis to the schedule and the rules; returns the incidents it raises. */
    public List<VisionIncident> onFrame(String attemptId, String frameId, long capturedAtMillis, FrameAnalysis analysis) {
        return onFrame(null, attemptId, frameId, capturedAtMillis, analysis);
    }

    /** As {@link #onFrame(String, String, long, FrameAnalysis)} for the live rules (null run) or a re-analysis run's. */
    public List<VisionIncident> onFrame(String reanalysisRunId, String stateKey, String frameId, long capturedAtMillis,
            FrameAnalysis analysis) {
        scheduler.record(stateKey, frameId, capturedAtMillis, analysis);
        return detector(reanalysisRunId).onFrame(stateKey, frameId, capturedAtMillis, analysis);
    }
}
