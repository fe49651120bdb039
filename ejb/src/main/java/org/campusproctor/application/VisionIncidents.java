package org.campusproctor.application;

import org.campusproctor.contract.vision.IncidentType;
import org.campusproctor.contract.vision.VisionIncident;
import org.campusproctor.contract.vision.VisionMessages;
import org.campusproctor.domain.attempt.Severity;

import java.time.Instant;
import java.util.List;

/**
 * How a vision worker's incident becomes an incident on the attempt: its type, a severity by type, its evidence
 * frames (the analysed frame when the worker named none) and the whole incident as its scores JSON (message,
 * per-frame scores, thresholds), so a proctor sees why it was raised.
 */
public final class VisionIncidents {

    public record Reported(String type, Severity severity, List<String> evidence, String scoresJson, Instant startedAt) {
    }

    private VisionIncidents() {
    }

    /**
     * Default weights of the worker's rules: a phone, a second face or a failed identity match weigh more than
     * looking away (which honest candidates do while thinking).
     */
    public static Severity defaultSeverity(IncidentType type) {
        return switch (type) {
            case IDENTITY_MISMATCH -> Severity.CRITICAL;
            case MULTIPLE_FACES, PHONE_SEEN, SPOOF_SUSPECTED -> Severity.HIGH;
            case NO_FACE -> Severity.MEDIUM;
            case LOOKING_AWAY -> Severity.LOW;
        };
    }

    /** @param mediaId the analysed frame, the evidence of an incident that names no frames */
    public static Reported of(VisionIncident incident, String mediaId) {
        List<String> evidence = incident.frameIds().isEmpty() ? List.of(mediaId) : incident.frameIds();
        return new Reported(incident.type().name(), defaultSeverity(incident.type()), evidence,
                VisionMessages.toJson(incident), Instant.ofEpochMilli(incident.startedAtMillis()));
    }
}
