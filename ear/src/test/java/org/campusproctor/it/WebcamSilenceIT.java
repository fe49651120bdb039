package org.campusproctor.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A running attempt whose exam requires the webcam and which stops sending frames gets one server-side WEBCAM_SILENT
 * incident per silence (three frame intervals, at least 30 s): a candidate cannot opt out by staying silent.
 */
class WebcamSilenceIT {

    @Test
    void aSilentRequiredWebcamRaisesOneIncidentPerSilence() throws Exception {
        Scenario.Running running = Scenario.running(600); // webcam required, a frame every 5 s: silent after 30 s
        Client proctor = Client.demo("proctor");
        running.candidate().expect(202, running.candidate().upload("/api/attempts/" + running.attemptId() + "/frames",
                "image/jpeg", TestImages.syntheticJpeg(320, 240)));
        Thread.sleep(20_000);
        assertEquals(List.of(), silences(proctor, running.attemptId()), "not yet: 20 s after the last frame");

        List<JsonObject> raised = Eventually.await(Duration.ofSeconds(30), Duration.ofSeconds(1),
                () -> silences(proctor, running.attemptId()), s -> !s.isEmpty(), "the silent-webcam incident");
        assertEquals(1, raised.size(), raised.toString());
        assertEquals("SERVER", raised.get(0).getString("source"));
        assertEquals("HIGH", raised.get(0).getString("severity"));
        Thread.sleep(6_000); // several sweeps later: still one incident for this one silence
        assertEquals(1, silences(proctor, running.attemptId()).size());
    }

    static List<JsonObject> silences(Client proctor, String attemptId) throws Exception {
        JsonObject attempt = proctor.expect(200, proctor.get("/api/attempts/" + attemptId));
        return attempt.getJsonArray("incidents").stream().map(JsonValue::asJsonObject)
                .filter(i -> "WEBCAM_SILENT".equals(i.getString("type"))).toList();
    }
}
