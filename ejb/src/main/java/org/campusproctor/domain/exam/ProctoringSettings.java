package org.campusproctor.domain.exam;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.campusproctor.contract.vision.IncidentThresholds;
import org.campusproctor.contract.vision.VisionMessages;

/**
 * How an exam is proctored. The risk threshold only ranks attempts for review: nothing is sanctioned automatically.
 */
@Embeddable
public class ProctoringSettings {

    @Column(name = "webcam_required", nullable = false)
    private boolean webcamRequired;

    @Column(name = "screen_recording_required", nullable = false)
    private boolean screenRecordingRequired;

    @Column(name = "identity_check_required", nullable = false)
    private boolean identityCheckRequired;

    /** Seconds between webcam frames the browser uploads. */
    @Column(name = "frame_interval_seconds", nullable = false)
    private int frameIntervalSeconds;

    /** Risk score (0-100) from which an attempt is listed for priority review. */
    @Column(name = "review_risk_threshold", nullable = false)
    private int reviewRiskThreshold;

    /** Incidents of one type after which the proctor is alerted (not the candidate sanctioned). */
    @Column(name = "incident_alert_count", nullable = false)
    private int incidentAlertCount;

    /** Overrides of the vision workers' incident thresholds (JSON of {@link IncidentThresholds}); null = defaults. */
    @Column(name = "incident_thresholds", length = 2000)
    private String incidentThresholds;

    protected ProctoringSettings() {
        // for JPA
    }

    public ProctoringSettings(boolean webcamRequired, boolean screenRecordingRequired, boolean identityCheckRequired,
                              int frameIntervalSeconds, int reviewRiskThreshold, int incidentAlertCount) {
        if (frameIntervalSeconds < 1 || frameIntervalSeconds > 3600) {
            throw new org.campusproctor.domain.InvalidInputException("frameIntervalSeconds must be 1..3600");
        }
        if (reviewRiskThreshold < 0 || reviewRiskThreshold > 100) {
            throw new org.campusproctor.domain.InvalidInputException("reviewRiskThreshold must be 0..100");
        }
        this.webcamRequired = webcamRequired;
        this.screenRecordingRequired = screenRecordingRequired;
        this.identityCheckRequired = identityCheckRequired;
        this.frameIntervalSeconds = frameIntervalSeconds;
        this.reviewRiskThreshold = reviewRiskThreshold;
        this.incidentAlertCount = Math.max(1, incidentAlertCount);
    }

    /** The same settings with incident-threshold overrides (validated; null or empty = platform defaults). */
    public ProctoringSettings withIncidentThresholds(java.util.Map<String, ? extends Number> overrides) {
        ProctoringSettings copy = new ProctoringSettings(webcamRequired, screenRecordingRequired, identityCheckRequired,
                frameIntervalSeconds, reviewRiskThreshold, incidentAlertCount);
        IncidentThresholds valid;
        try {
            valid = IncidentThresholds.validated(overrides);
        } catch (IllegalArgumentException e) {
            throw new org.campusproctor.domain.InvalidInputException(e.getMessage());
        }
        copy.incidentThresholds = valid.overridesNothing() ? null : VisionMessages.toJson(valid);
        return copy;
    }

    public static ProctoringSettings defaults() {
        return new ProctoringSettings(true, false, true, 10, 50, 3);
    }

    /**
     * What differs from {@code before}, one "name old -> new" per change ("default" for a threshold not overridden),
     * for the audit log; empty when nothing changed.
     */
    public String changesFrom(ProctoringSettings before) {
        java.util.List<String> changes = new java.util.ArrayList<>();
        change(changes, "webcamRequired", before.webcamRequired, webcamRequired);
        change(changes, "screenRecordingRequired", before.screenRecordingRequired, screenRecordingRequired);
        change(changes, "identityCheckRequired", before.identityCheckRequired, identityCheckRequired);
        change(changes, "frameIntervalSeconds", before.frameIntervalSeconds, frameIntervalSeconds);
        change(changes, "reviewRiskThreshold", before.reviewRiskThreshold, reviewRiskThreshold);
        change(changes, "incidentAlertCount", before.incidentAlertCount, incidentAlertCount);
        java.util.Map<String, Number> old = before.incidentThresholds().asMap();
        java.util.Map<String, Number> now = incidentThresholds().asMap();
        new java.util.TreeSet<>(IncidentThresholds.DEFAULTS.asMap().keySet()).forEach(name ->
                change(changes, name, old.containsKey(name) ? old.get(name) : "default",
                        now.containsKey(name) ? now.get(name) : "default"));
        return String.join("; ", changes);
    }

    private static void change(java.util.List<String> changes, String name, Object before, Object after) {
        if (!before.equals(after)) {
            changes.add(name + " " + before + " -> " + after);
        }
    }

    public boolean webcamRequired() { return webcamRequired; }
    public boolean screenRecordingRequired() { return screenRecordingRequired; }
    public boolean identityCheckRequired() { return identityCheckRequired; }
    public int frameIntervalSeconds() { return frameIntervalSeconds; }
    public int reviewRiskThreshold() { return reviewRiskThreshold; }
    public int incidentAlertCount() { return incidentAlertCount; }
    /** The exam's overrides of the vision workers' thresholds ({@link IncidentThresholds#NONE}: the defaults). */
    public IncidentThresholds incidentThresholds() {
        return incidentThresholds(incidentThresholds);
    }

    /** The overrides as stored (JSON, null: none), read as values ({@code ExamAttempt.FRAME_UPLOAD_FACTS}). */
    public static IncidentThresholds incidentThresholds(String stored) {
        return stored == null ? IncidentThresholds.NONE : VisionMessages.fromJson(stored, IncidentThresholds.class);
    }
}
