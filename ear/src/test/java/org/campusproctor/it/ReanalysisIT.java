package org.campusproctor.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The re-analysis job on the real server, broker and vision workers: an attempt's stored clip frames (a frontal
 * face) go through the frames queue again. With the thresholds they were analysed with, nothing changes; after the
 * registrar makes the exam's looking-away rule strict, the report lists the LOOKING_AWAY that would now be raised,
 * as a report line and in its CSV, while the attempt's recorded incidents stay exactly as they were.
 */
class ReanalysisIT {

    private static final int FRAMES = 5;

    @Test
    void reanalysisReportsWhatNewThresholdsWouldRaiseAndRaisesNothing() throws Exception {
        Scenario.Running running = Scenario.running(3600);
        String examId = running.exam().getString("id");
        String base = "/api/attempts/" + running.attemptId();
        List<String> frames = new ArrayList<>();
        for (int i = 0; i < FRAMES; i++) {
            // the clip's first seconds: one frontal face; capture times 1.1 s apart (the server's clock)
            frames.add(running.candidate().expect(202, running.candidate().upload(base + "/frames", "image/jpeg",
                    ClipFrames.at(0.3 + 0.5 * i))).getString("mediaId"));
            Thread.sleep(1_100);
        }
        Client proctor = Client.demo("proctor");
        for (String frame : frames) {
            Eventually.await(Duration.ofSeconds(120), Duration.ofMillis(500),
                    () -> proctor.get("/api/frames/" + frame + "/analysis"), r -> r.statusCode() == 200,
                    "the analysis of frame " + frame);
        }
        Client registrar = Client.demo("registrar");
        List<String> incidentsBefore = incidents(registrar, base);

        JsonObject same = BatchJobsIT.run(registrar, "reanalysis", Json.createObjectBuilder()
                .add("attempt", running.attemptId()).add("chunkSize", 2).add("resultWaitSeconds", 60).build(), 300);
        assertEquals("COMPLETED", same.getString("batchStatus"), same.toString());
        assertEquals(FRAMES, BatchJobsIT.counts(same).get("framesDispatched"), same.toString());
        Map<String, Long> report = reportCounts(same);
        assertEquals(FRAMES, report.get("framesCompared"), same.toString());
        assertEquals(0, report.get("framesMissing"), same.toString());
        assertEquals(0, report.get("framesChanged"), "the same models on the same frames: " + same);
        assertEquals(0, report.get("incidentsWouldBeRaised"), same.toString());
        assertEquals(0, report.get("incidentsWouldNotBeRaised"), same.toString());
        assertEquals(0, same.getJsonNumber("rejected").longValue(), same.toString());

        // the registrar makes looking away strict: any head turn for a second
        registrar.expect(200, registrar.put("/api/exams/" + examId + "/incident-thresholds", Json.createObjectBuilder()
                .add("maxYawDegrees", 0).add("maxPitchDegrees", 0).add("maxGazeOffset", 0)
                .add("lookingAwayForMillis", 1000).build()));
        JsonObject strict = BatchJobsIT.run(registrar, "reanalysis", Json.createObjectBuilder()
                .add("exam", examId).add("resultWaitSeconds", 60).build(), 300);
        assertEquals("COMPLETED", strict.getString("batchStatus"), strict.toString());
        Map<String, Long> strictReport = reportCounts(strict);
        assertEquals(FRAMES, strictReport.get("framesCompared"), strict.toString());
        assertTrue(strictReport.get("incidentsWouldBeRaised") >= 1, "a looking-away episode: " + strict);
        assertEquals(0, strictReport.get("incidentsWouldNotBeRaised"), strict.toString());
        assertTrue(strict.getString("exitStatus").startsWith("REANALYSED"), strict.toString());

        long execution = strict.getJsonNumber("executionId").longValue();
        List<String> lines = Server.jsonArray(registrar.get("/api/jobs/executions/" + execution + "/rejected")).stream().map(v -> v.asJsonObject().getString("reason")).toList();
        List<String> wouldRaise = lines.stream().filter(l -> l.startsWith("incident would be raised now")).toList();
        assertEquals(strictReport.get("incidentsWouldBeRaised"), wouldRaise.size(), lines.toString());
        assertTrue(wouldRaise.stream().allMatch(l -> l.contains("LOOKING_AWAY")), "only the stricter rule: " + lines);
        JsonObject csvFile = strict.getJsonArray("files").getJsonObject(0);
        HttpResponse<String> csv = registrar.get("/api/jobs/files/" + csvFile.getString("id"));
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().startsWith("attempt,frame,capturedAt,change,before,after"), csv.body());
        assertTrue(csv.body().contains(running.attemptId()) && csv.body().contains("LOOKING_AWAY"), csv.body());

        assertEquals(incidentsBefore, incidents(registrar, base), "a re-analysis raises no incident on the attempt");
    }

    @Test
    void onlyARegistrarReanalysesAndParametersAreChecked() throws Exception {
        Scenario.Running running = Scenario.running(3600);
        JsonObject attempt = Json.createObjectBuilder().add("attempt", running.attemptId()).build();
        assertEquals(403, running.candidate().post("/api/jobs/reanalysis", attempt).statusCode());
        assertEquals(403, Client.demo("proctor").post("/api/jobs/reanalysis", attempt).statusCode());
        assertEquals(403, Scenario.admin().post("/api/jobs/reanalysis", attempt).statusCode());
        assertEquals(403, running.candidate().put("/api/exams/" + running.exam().getString("id") + "/incident-thresholds",
                Json.createObjectBuilder().add("maxYawDegrees", 1).build()).statusCode());
        Client registrar = Client.demo("registrar");
        assertEquals(400, registrar.post("/api/jobs/reanalysis", Json.createObjectBuilder()
                .add("attempt", running.attemptId()).add("exam", running.exam().getString("id")).build()).statusCode());
        assertEquals(400, registrar.post("/api/jobs/reanalysis", Json.createObjectBuilder().build()).statusCode());
        assertEquals(404, registrar.post("/api/jobs/reanalysis", Json.createObjectBuilder().add("attempt", "nope").build())
                .statusCode());
        assertEquals(400, registrar.post("/api/jobs/reanalysis", Json.createObjectBuilder()
                .add("attempt", running.attemptId()).add("chunkSize", 100_000).build()).statusCode());
        assertEquals(400, registrar.put("/api/exams/" + running.exam().getString("id") + "/incident-thresholds",
                Json.createObjectBuilder().add("maxYawDegrees", 400).build()).statusCode());
    }

    private static List<String> incidents(Client client, String attemptPath) throws Exception {
        return client.expect(200, client.get(attemptPath)).getJsonArray("incidents").stream()
                .map(JsonValue::asJsonObject).map(i -> i.getString("id") + " " + i.getString("type")).sorted().toList();
    }

    /** The counts of the report step (the second). */
    private static Map<String, Long> reportCounts(JsonObject execution) {
        Map<String, Long> counts = new TreeMap<>();
        execution.getJsonArray("steps").stream().map(JsonValue::asJsonObject)
                .filter(s -> s.getString("step").equals("report")).findFirst().orElseThrow()
                .getJsonObject("counts").forEach((k, v) -> counts.put(k, ((jakarta.json.JsonNumber) v).longValue()));
        return counts;
    }
}
