package org.campusproctor.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end from the webcam to the attempt: frames without a face for more than two seconds make the vision worker
 * raise NO_FACE; the results listener turns it into an incident on the attempt, with the frames as evidence, and the
 * risk score moves. The attempt itself keeps running: nothing is sanctioned automatically.
 */
class VisionIncidentIT {

    @Test
    void noFaceEpisodeBecomesAnIncidentOnTheAttempt() throws Exception {
        Scenario.Running running = Scenario.running(3600);
        String base = "/api/attempts/" + running.attemptId();
        for (int i = 0; i < 4; i++) {
            running.candidate().expect(202, running.candidate().upload(base + "/frames", "image/jpeg", TestImages.syntheticJpeg(320, 240)));
            // The capture time of a frame is when the server receives it: frames 1.1 s apart make an episode of
            // more than two seconds without a face (the scenario itself, not a wait for the server)
            Thread.sleep(1_100);
        }
        Client proctor = Client.demo("proctor");
        JsonObject view = Eventually.await(Duration.ofSeconds(90), Duration.ofSeconds(1), () -> proctor.expect(200, proctor.get(base)),
                v -> noFaceIncident(v).isPresent(), "a NO_FACE incident on attempt " + running.attemptId());
        JsonObject incident = noFaceIncident(view).orElseThrow();
        assertEquals("VISION", incident.getString("source"));
        assertEquals("MEDIUM", incident.getString("severity"));
        List<String> evidence = incident.getJsonArray("evidenceMediaIds").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList();
        assertFalse(evidence.isEmpty());
        assertTrue(incident.getString("scoresJson").contains("NO_FACE"), incident.toString());
        JsonObject after = proctor.expect(200, proctor.get(base));
        assertTrue(after.getInt("riskScore") >= 5, after.toString());
        assertEquals("IN_PROGRESS", after.getString("status"), "an incident never ends an attempt");
        assertEquals(1, after.getJsonArray("incidents").stream().map(JsonValue::asJsonObject)
                .filter(i -> i.getString("type").equals("NO_FACE")).count(), "one episode, one incident");
    }

    @Test
    void theExamsOwnThresholdsDecide() throws Exception {
        // The registrar tolerates ten minutes without a face on this exam: the same empty seat raises nothing.
        JsonObject lenient = jakarta.json.Json.createObjectBuilder().add("noFaceForMillis", 600_000).build();
        Scenario.Running running = Scenario.running(3600, lenient);
        assertEquals(600_000, running.exam().getJsonObject("incidentThresholds").getInt("noFaceForMillis"));
        String base = "/api/attempts/" + running.attemptId();
        List<String> frames = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            frames.add(running.candidate().expect(202, running.candidate().upload(base + "/frames", "image/jpeg",
                    TestImages.syntheticJpeg(320, 240))).getString("mediaId"));
            // the empty-seat episode of the test above, frames 1.1 s apart in capture time (the scenario, not a wait)
            Thread.sleep(1_100);
        }
        Client proctor = Client.demo("proctor");
        String lastFrame = frames.get(frames.size() - 1);
        JsonObject last = Server.json(Eventually.await(Duration.ofSeconds(90), Duration.ofMillis(500),
                () -> proctor.get("/api/frames/" + lastFrame + "/analysis"), r -> r.statusCode() == 200,
                "the analysis of the last frame " + lastFrame));
        assertEquals(0, last.getJsonObject("detail").getInt("faceCount"));
        JsonObject view = proctor.expect(200, proctor.get(base));
        assertEquals(0, view.getJsonArray("incidents").stream().map(JsonValue::asJsonObject)
                .filter(i -> i.getString("type").equals("NO_FACE")).count(), view.toString());
    }

    private static Optional<JsonObject> noFaceIncident(JsonObject view) {
        return view.getJsonArray("incidents").stream().map(JsonValue::asJsonObject)
                .filter(i -> i.getString("type").equals("NO_FACE")).findFirst();
    }

    @Test
    void invalidThresholdsAreRefusedWhenTheExamIsCreated() throws Exception {
        Client registrar = Client.demo("registrar");
        JsonObject body = jakarta.json.Json.createObjectBuilder().add("title", "bad thresholds").add("durationSeconds", 600)
                .add("passingScore", 50).add("proctoring", jakarta.json.Json.createObjectBuilder()
                        .add("incidentThresholds", jakarta.json.Json.createObjectBuilder().add("maxYawDegrees", 400)))
                .build();
        var response = registrar.post("/api/exams", body);
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("maxYawDegrees"), response.body());
    }
}
