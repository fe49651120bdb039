package org.campusproctor.vision.application;

import org.campusproctor.contract.vision.FrameAnalysisReport;
import org.campusproctor.contract.vision.FrameToAnalyse;
import org.campusproctor.contract.vision.IncidentThresholds;
import org.campusproctor.contract.vision.IncidentType;
import org.campusproctor.contract.vision.VisionIncident;
import org.campusproctor.contract.vision.VisionMessages;
import org.campusproctor.vision.pipeline.FrameAnalysis;
import org.campusproctor.vision.pipeline.TestData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the worker puts on vision-results, from a real analysis, survives the JSON-B round trip the exam side does. */
class AnalysisReportsTest {

    private static final FrameToAnalyse FRAME = new FrameToAnalyse("m-1", "a-1", "a-1/frames/m-1.jpg", 1_000L,
            null, null, null);

    @Test
    void aRealAnalysisRoundTripsWithItsScores() {
        FrameAnalysis a = TestData.analyse("images/single_frontal/cc0_interfaces_001_frontal.jpg");
        VisionIncident incident = new VisionIncident(IncidentType.NO_FACE, "a-1", 0, 2_000, "No face in view for 2.0 s",
                List.of(new VisionIncident.Evidence("m-0", 0, Map.of("faceCount", 0.0))), IncidentThresholds.DEFAULTS);
        FrameAnalysisReport report = AnalysisReports.of(FRAME, "node-1", a, List.of(incident));

        String json = VisionMessages.toJson(report);
        assertFalse(json.contains("embedding"), "embeddings stay on the worker");
        FrameAnalysisReport back = VisionMessages.fromJson(json, FrameAnalysisReport.class);

        assertEquals("m-1", back.mediaId());
        assertEquals("a-1", back.attemptId());
        assertEquals("node-1", back.workerNode());
        assertEquals(1, back.faceCount());
        FrameAnalysisReport.Face face = back.faces().get(0);
        assertNotNull(face.pose());
        assertEquals(Math.round(a.faces().get(0).pose().yaw() * 10) / 10.0, face.pose().yaw());
        assertEquals(report.faces().get(0), face);
        assertTrue(back.inferenceMicros().containsKey("blazeface"), back.inferenceMicros().toString());
        assertEquals(List.of(incident), back.incidents());
        assertEquals(List.of("m-0"), back.incidents().get(0).frameIds());
    }

    @Test
    void stagesThatDidNotRunStayNull() {
        FrameAnalysis empty = new FrameAnalysis(640, 480, "CPU", null, List.of("decode"), 10);
        FrameAnalysisReport back = VisionMessages.fromJson(
                VisionMessages.toJson(AnalysisReports.of(FRAME, "n", empty, List.of())), FrameAnalysisReport.class);
        assertNull(back.faceCount());
        assertNull(back.objects());
        assertTrue(back.faces().isEmpty());
    }
}
