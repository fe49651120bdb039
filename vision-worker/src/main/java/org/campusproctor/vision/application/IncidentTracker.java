package org.campusproctor.vision.application;

import jakarta.enterprise.context.ApplicationScoped;
import org.campusproctor.contract.vision.IncidentThresholds;
import org.campusproctor.vision.incidents.IncidentDetector;

import java.time.Duration;

/**
 * The node's incident rules, shared by the MDB instances. Frames of one attempt reach one consumer in order because
 * the frames queue is message-grouped by attempt, so the per-attempt state lives here. Thresholds: the exam's
 * overrides travel with each frame message ({@link #thresholdsOf}); an attempt keeps the thresholds of its first
 * frame seen on this node.
 * <p>
 * A re-analysis run (stored frames sent again, {@code FrameToAnalyse.reanalysisRunId}) gets a detector of its own:
 * its frames carry their old capture times, the detector's clock, which must neither end the live attempts' episodes
 * nor be ended by them (idle eviction compares capture times). Its state is keyed by run and attempt.
 */
@ApplicationScoped
public class IncidentTracker {

    /** Thresholds of the attempts seen lately (bounded: an attempt not seen for long falls out, as in the detector). */
    private final LruCache<String, IncidentThresholds> thresholds = new LruCache<>(10_000);
    private final IncidentDetector detector = new IncidentDetector(thresholds::get, Duration.ofHours(6));

    /** Detectors of the re-analysis runs seen lately (a run's ends when it is forgotten). */
    private final LruCache<String, IncidentDetector> runs = new LruCache<>(64);

    public IncidentDetector detector() {
        return detector;
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

    /** Records the thresholds of an attempt's exam from the frame message's overrides (null = defaults). */
    public void thresholdsOf(String attemptId, IncidentThresholds overrides) {
        if (overrides != null && !thresholds.containsKey(attemptId)) {
            thresholds.put(attemptId, IncidentThresholds.DEFAULTS.withOverrides(overrides));
        }
    }
}
