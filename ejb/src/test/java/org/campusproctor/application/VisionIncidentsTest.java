package org.campusproctor.application;

import org.campusproctor.domain.attempt.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VisionIncidentsTest {

    @Test
    void readsTheVisionWorkersIncidents() {
        String json = """
                {"width": 640, "faceCount": 0, "incidents": [
                  {"type": "NO_FACE", "attemptRef": "a1", "startedAtMillis": 1764038400000, "durationMillis": 2000,
                   "message": "No face for 2.0 s", "frameIds": ["f1", "f2"],
                   "evidence": [{"frameId": "f1", "scores": {"faceCount": 0}}], "thresholds": {"minSeconds": 2}},
                  {"type": "phone_seen", "evidence": [{"frameId": "f7", "scores": {"score": 0.8}}]},
                  {"type": "LOOKING_AWAY", "severity": "CRITICAL"},
                  {"type": "IDENTITY_MISMATCH", "severity": "bogus"},
                  {"severity": "HIGH"},
                  {"type": "bad type!"},
                  42
                ]}""";
        List<VisionIncidents.Reported> reported = VisionIncidents.parse(json, "frame-9");
        assertEquals(4, reported.size());
        VisionIncidents.Reported noFace = reported.get(0);
        assertEquals("NO_FACE", noFace.type());
        assertEquals(Severity.MEDIUM, noFace.severity());
        assertEquals(List.of("f1", "f2"), noFace.evidence());
        assertEquals(Instant.ofEpochMilli(1764038400000L), noFace.startedAt());
        assertTrue(noFace.scoresJson().contains("\"thresholds\"") && noFace.scoresJson().contains("No face"), noFace.scoresJson());

        assertEquals("PHONE_SEEN", reported.get(1).type());
        assertEquals(Severity.HIGH, reported.get(1).severity());
        assertEquals(List.of("f7"), reported.get(1).evidence());
        assertNull(reported.get(1).startedAt());

        assertEquals(Severity.CRITICAL, reported.get(2).severity(), "an explicit severity wins");
        assertEquals(List.of("frame-9"), reported.get(2).evidence(), "evidence defaults to the analysed frame");
        assertEquals(Severity.CRITICAL, reported.get(3).severity(), "unknown severity: the type's default");
    }

    @Test
    void analysesWithoutIncidentsRaiseNothing() {
        assertEquals(List.of(), VisionIncidents.parse("{\"width\": 1, \"incidents\": []}", "m"));
        assertEquals(List.of(), VisionIncidents.parse("{\"width\": 1}", "m"));
        assertEquals(List.of(), VisionIncidents.parse("not json", "m"));
        assertEquals(List.of(), VisionIncidents.parse("{\"incidents\": {}}", "m"));
    }
}
