package org.campusproctor.vision.interfaces;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import org.campusproctor.vision.incidents.IncidentDetector;
import org.campusproctor.vision.incidents.IncidentThresholds;

import java.io.StringReader;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The node's incident rules, shared by the MDB instances. Frames of one attempt reach one consumer in order because
 * the frames queue is message-grouped by attempt (JMSXGroupID, set by FrameDispatcher), so the per-attempt state
 * lives here. Thresholds: the exam's overrides travel with each frame message ({@link #thresholdsOf}); an attempt
 * keeps the thresholds of its first frame seen on this node.
 */
@ApplicationScoped
public class IncidentTracker {

    private static final Logger LOG = Logger.getLogger(IncidentTracker.class.getName());

    /** Thresholds of the attempts seen lately (bounded: an attempt not seen for long falls out, as in the detector). */
    private final Map<String, IncidentThresholds> thresholds = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, IncidentThresholds> eldest) {
                    return size() > 10_000;
                }
            });
    private final IncidentDetector detector = new IncidentDetector(thresholds::get, Duration.ofHours(6));

    public IncidentDetector detector() {
        return detector;
    }

    /** Records the thresholds of an attempt's exam from the frame message's overrides (null or invalid = defaults). */
    public void thresholdsOf(String attemptRef, String overridesJson) {
        if (overridesJson == null || overridesJson.isBlank() || thresholds.containsKey(attemptRef)) {
            return;
        }
        try {
            thresholds.put(attemptRef, IncidentThresholds.DEFAULTS.withOverrides(
                    Json.createReader(new StringReader(overridesJson)).readObject()));
        } catch (RuntimeException e) {
            LOG.warning(() -> "Attempt " + attemptRef + ": unusable incident thresholds " + overridesJson
                    + " (" + e.getMessage() + "); using the defaults");
        }
    }
}
