package org.campusproctor.application;

import org.campusproctor.contract.vision.IncidentThresholds;
import org.campusproctor.contract.vision.IncidentType;
import org.campusproctor.contract.vision.VisionIncident;
import org.campusproctor.domain.attempt.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VisionIncidentsTest {

    @Test
    void aWorkersIncidentKeepsItsFramesStartAndExplanation() {
        VisionIncident noFace = new VisionIncident(IncidentType.NO_FACE, "a1", 1764038400000L, 1764038402000L,
                "No face in view for 2.0 s", List.of(new VisionIncident.Evidence("f1", 1764038400000L, Map.of("faceCount", 0.0)),
                new VisionIncident.Evidence("f2", 1764038402000L, Map.of("faceCount", 0.0))), IncidentThresholds.DEFAULTS);
        VisionIncidents.Reported r = VisionIncidents.of(noFace, "f2");
        assertEquals("NO_FACE", r.type());
        assertEquals(Severity.MEDIUM, r.severity());
        assertEquals(List.of("f1", "f2"), r.evidence());
        assertEquals(Instant.ofEpochMilli(1764038400000L), r.startedAt());
        assertTrue(r.scoresJson().contains("\"thresholds\"") && r.scoresJson().contains("No face"), r.scoresJson());
    }

    @Test
    void anIncidentWithoutFramesPointsAtTheAnalysedFrame() {
        VisionIncident phone = new VisionIncident(IncidentType.PHONE_SEEN, "a1", 1, 2, "phone", List.of(), null);
        assertEquals(List.of("frame-9"), VisionIncidents.of(phone, "frame-9").evidence());
        assertEquals(Severity.HIGH, VisionIncidents.of(phone, "frame-9").severity());
    }

    @Test
    void everyTypeHasASeverity() {
        for (IncidentType type : IncidentType.values()) {
            VisionIncidents.defaultSeverity(type);
        }
        assertEquals(Severity.CRITICAL, VisionIncidents.defaultSeverity(IncidentType.IDENTITY_MISMATCH));
        assertEquals(Severity.LOW, VisionIncidents.defaultSeverity(IncidentType.LOOKING_AWAY));
    }
}
