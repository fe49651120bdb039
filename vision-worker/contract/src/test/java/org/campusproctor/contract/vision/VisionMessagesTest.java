package org.campusproctor.contract.vision;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VisionMessagesTest {

    @Test
    void aFrameMessageCarriesTheEnrolmentAndTheThresholds() {
        FrameToAnalyse frame = new FrameToAnalyse("m", "a", "a/frames/m.jpg", 42L, "enrolment/r/photo.jpg",
                IncidentThresholds.validated(Map.of("phoneFrames", 1)), null);
        FrameToAnalyse back = VisionMessages.fromJson(VisionMessages.toJson(frame), FrameToAnalyse.class);
        assertEquals(frame, back);
        assertEquals("enrolment/r/photo.jpg", back.enrolmentStorageKey());
        assertEquals(1, back.incidentThresholds().phoneFrames());
    }

    @Test
    void absentOptionalPartsStayNull() {
        FrameToAnalyse back = VisionMessages.fromJson("{\"mediaId\":\"m\",\"attemptId\":\"a\",\"storageKey\":\"k\","
                + "\"capturedAtMillis\":1}", FrameToAnalyse.class);
        assertNull(back.enrolmentStorageKey());
        assertNull(back.incidentThresholds());
    }

    @Test
    void aReanalysisRunIdTravelsOnFrameAndReport() {
        FrameToAnalyse frame = new FrameToAnalyse("m", "a", "k", 1L, null, null, "42");
        assertEquals("42", VisionMessages.fromJson(VisionMessages.toJson(frame), FrameToAnalyse.class).reanalysisRunId());
        FrameAnalysisReport report = new FrameAnalysisReport("m", "a", 1L, "node", 640, 480, "CPU", null, 1L, 0,
                null, null, null, null, null, "42");
        assertEquals("42", VisionMessages.fromJson(VisionMessages.toJson(report), FrameAnalysisReport.class)
                .reanalysisRunId());
        assertNull(VisionMessages.fromJson("{\"mediaId\":\"m\",\"attemptId\":\"a\",\"storageKey\":\"k\","
                + "\"capturedAtMillis\":1}", FrameToAnalyse.class).reanalysisRunId(), "a live frame");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not json", "[]", "{\"mediaId\":\"m\"}", "{\"mediaId\":1,\"attemptId\":{}}", "null"})
    void malformedBodiesAreRefusedWithOneException(String body) {
        assertThrows(VisionMessages.MalformedMessageException.class,
                () -> VisionMessages.fromJson(body, FrameToAnalyse.class));
    }
}
