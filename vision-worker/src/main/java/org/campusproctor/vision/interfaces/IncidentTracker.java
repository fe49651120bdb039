package org.campusproctor.vision.interfaces;

import jakarta.enterprise.context.ApplicationScoped;
import org.campusproctor.vision.incidents.IncidentDetector;
import org.campusproctor.vision.incidents.IncidentThresholds;

import java.time.Duration;
import java.util.function.Function;

/**
 * The node's incident rules, shared by the MDB instances. Frames of one attempt reach one consumer in order because
 * the frames queue is message-grouped by attempt (JMSXGroupID, set by FrameDispatcher), so the per-attempt state
 * lives here. Thresholds: defaults until the exam domain supplies a lookup ({@link #useThresholds}).
 */
@ApplicationScoped
public class IncidentTracker {

    private volatile IncidentDetector detector = new IncidentDetector();

    public IncidentDetector detector() {
        return detector;
    }

    /** Plugs in per-exam thresholds (attemptRef → thresholds, null = defaults); resets the tracked state. */
    public void useThresholds(Function<String, IncidentThresholds> byAttempt) {
        detector = new IncidentDetector(byAttempt, Duration.ofHours(6));
    }
}
