package org.campusproctor.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the proctor screens read and decide, through the API behind them: an exam's candidates riskiest first within
 * the proctor's scope, evidence frames (thumbnail sized by the server, cached privately, revalidated by ETag, never a
 * storage path, nothing of another proctor's attempt), the review queue with the exam's threshold first, confirmed and
 * dismissed incidents in the detector figures, and the second review a suspicious decision needs.
 */
class ProctorDeskIT {

    @Test
    void tilesEvidenceReviewQueueFiguresAndTheSecondReview() throws Exception {
        Client registrar = Client.demo("registrar");
        Client admin = Scenario.admin();
        Client proctor = Scenario.newUser("proctor");
        Client otherProctor = Scenario.newUser("proctor");
        Client calm = Scenario.newUser("candidate");
        Client risky = Scenario.newUser("candidate");
        Client elsewhere = Scenario.newUser("candidate");
        String examId = Scenario.exam(registrar, 3600, false, Scenario.shortTexts(1)).getString("id");
        String calmId = Scenario.startedAttempt(calm, Scenario.register(registrar, examId, calm, proctor, 0)).getString("id");
        String riskyId = Scenario.startedAttempt(risky, Scenario.register(registrar, examId, risky, proctor, 0)).getString("id");
        Scenario.startedAttempt(elsewhere, Scenario.register(registrar, examId, elsewhere, otherProctor, 0));

        byte[] uploaded = TestImages.syntheticJpeg(640, 480);
        String frame = calm.expect(202, calm.upload("/api/attempts/" + calmId + "/frames", "image/jpeg", uploaded))
                .getString("mediaId");
        Eventually.await(Duration.ofSeconds(90), Duration.ofMillis(200),
                () -> proctor.get("/api/frames/" + frame + "/analysis").statusCode(), s -> s == 200, "the analysis");
        flag(proctor, riskyId, "SECOND_PERSON", "CRITICAL");
        flag(proctor, riskyId, "PHONE_VISIBLE", "HIGH");
        String falseAlarm = flag(proctor, riskyId, "GAZE_AWAY", "LOW");
        String calmIncident = flag(proctor, calmId, "GAZE_AWAY", "LOW");

        // the live view: riskiest first, only the proctor's candidates, the latest frame and its capture status
        JsonObject tiles = proctor.expect(200, proctor.get("/api/proctoring/exams/" + examId + "/tiles"));
        assertEquals(2, tiles.getInt("total"), tiles.toString());
        JsonArray items = tiles.getJsonArray("items");
        assertEquals(riskyId, items.getJsonObject(0).getString("attemptId"), "riskiest first");
        JsonObject calmTile = items.getJsonObject(1);
        assertEquals(frame, calmTile.getString("latestFrameId"));
        assertEquals("LIVE", calmTile.getString("capture"));
        assertEquals(1, calmTile.getInt("openIncidents"));
        assertTrue(calmTile.getJsonNumber("remainingSeconds").longValue() > 3000);
        assertEquals(1, proctor.expect(200, proctor.get("/api/proctoring/exams/" + examId + "/tiles?filter="
                + calm.username.substring(3))).getInt("total"), "filtered by name");
        assertEquals(2, proctor.expect(200, proctor.get("/api/proctoring/exams/" + examId + "/tiles?filter=in_progress"))
                .getInt("total"), "filtered by state");
        assertEquals(1, otherProctor.expect(200, otherProctor.get("/api/proctoring/exams/" + examId + "/tiles")).getInt("total"),
                "another proctor sees their own candidate only");
        assertEquals(3, admin.expect(200, admin.get("/api/proctoring/exams/" + examId + "/tiles?limit=1000")).getInt("total"));
        assertEquals(1, admin.expect(200, admin.get("/api/proctoring/exams/" + examId + "/tiles?limit=1"))
                .getJsonArray("items").size(), "one page at a time");
        assertTrue(Server.jsonArray(proctor.get("/api/proctoring/exams")).stream()
                .anyMatch(e -> examId.equals(e.asJsonObject().getString("id"))));

        // evidence frames: a thumbnail sized here, the frame itself, cached privately and revalidated; no one else's
        HttpResponse<byte[]> thumb = bytes(proctor, "/api/frames/" + frame + "/image", null);
        assertEquals(200, thumb.statusCode());
        assertEquals("image/jpeg", thumb.headers().firstValue("Content-Type").orElse(""));
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumb.body()));
        assertEquals(192, small.getWidth());
        assertEquals(144, small.getHeight());
        String etag = thumb.headers().firstValue("ETag").orElseThrow();
        assertTrue(thumb.headers().firstValue("Cache-Control").orElse("").contains("private"));
        assertEquals(304, bytes(proctor, "/api/frames/" + frame + "/image", etag).statusCode(), "revalidated, not resent");
        HttpResponse<byte[]> full = bytes(proctor, "/api/frames/" + frame + "/image?size=full", null);
        assertArrayEquals(uploaded, full.body(), "the frame as stored");
        assertFalse(full.headers().map().toString().contains("/media"), "no storage path in the headers");
        assertEquals(404, bytes(otherProctor, "/api/frames/" + frame + "/image", null).statusCode());
        assertEquals(404, bytes(otherProctor, "/api/frames/" + frame + "/image", etag).statusCode(), "not even a 304");
        assertEquals(403, bytes(calm, "/api/frames/" + frame + "/image", null).statusCode(), "candidates never");
        assertEquals(400, bytes(proctor, "/api/frames/" + frame + "/image?size=4000", null).statusCode());
        assertEquals(404, bytes(proctor, "/api/frames/" + "x".repeat(500) + "/image", null).statusCode());

        // after the exam: the review queue puts the attempt above the exam's threshold (40) first
        risky.expect(200, risky.post("/api/attempts/" + riskyId + "/submit", null));
        calm.expect(200, calm.post("/api/attempts/" + calmId + "/submit", null));
        JsonArray queue = proctor.expect(200, proctor.get("/api/proctoring/review-queue?exam=" + examId)).getJsonArray("items");
        assertEquals(List.of(riskyId, calmId), queue.stream().map(i -> i.asJsonObject().getString("attemptId")).toList());
        assertTrue(queue.getJsonObject(0).getBoolean("aboveThreshold"));
        assertFalse(queue.getJsonObject(1).getBoolean("aboveThreshold"));
        assertEquals(0, otherProctor.expect(200, otherProctor.get("/api/proctoring/review-queue?exam=" + examId)).getInt("total"));

        // incidents judged one by one: confirmed ones stay, dismissed ones leave the risk score; neither twice
        String base = "/api/attempts/" + riskyId;
        int before = proctor.expect(200, proctor.get(base)).getInt("riskScore");
        proctor.expect(200, proctor.post(base + "/incidents/" + falseAlarm + "/dismiss", reason("reading glasses")));
        assertEquals(before - 2, proctor.expect(200, proctor.get(base)).getInt("riskScore"));
        String second = incidentOf(proctor, riskyId, "SECOND_PERSON");
        proctor.expect(200, proctor.post(base + "/incidents/" + second + "/confirm", null));
        assertEquals("INCIDENT_CONFIRMED", proctor.expect(409, proctor.post(base + "/incidents/" + second + "/dismiss",
                reason("changed my mind"))).getString("error"));
        assertEquals("INCIDENT_DISMISSED", proctor.expect(409, proctor.post(base + "/incidents/" + falseAlarm + "/confirm",
                null)).getString("error"));
        otherProctor.expect(403, otherProctor.post(base + "/incidents/" + second + "/confirm", null));
        proctor.expect(200, proctor.post("/api/attempts/" + calmId + "/incidents/" + calmIncident + "/confirm", null));

        JsonObject gaze = figure(proctor, examId, "GAZE_AWAY");
        assertEquals(2, gaze.getInt("incidents"));
        assertEquals(1, gaze.getInt("dismissed"));
        assertEquals(1, gaze.getInt("confirmed"));
        assertEquals(0.5, gaze.getJsonNumber("falsePositiveShare").doubleValue(), 1e-9);
        assertEquals(0.0, figure(proctor, examId, "SECOND_PERSON").getJsonNumber("falsePositiveShare").doubleValue(), 1e-9);

        // the second review: who called it suspicious cannot make it final; another reviewer can
        proctor.expect(200, proctor.post(base + "/review", Json.createObjectBuilder().add("decision", "SUSPICIOUS")
                .add("reason", "a second person on three frames").build()));
        assertEquals("SECOND_REVIEW_REQUIRED", proctor.expect(409, proctor.post(base + "/review",
                Json.createObjectBuilder().add("decision", "FINAL").build())).getString("error"));
        JsonObject waiting = proctor.expect(200, proctor.get("/api/proctoring/review-queue?exam=" + examId))
                .getJsonArray("items").getJsonObject(0);
        assertTrue(waiting.getBoolean("needsSecondReview"), waiting.toString());
        assertEquals("VOIDED", admin.expect(200, admin.post(base + "/review",
                Json.createObjectBuilder().add("decision", "FINAL").build())).getString("outcome"));
        assertEquals(List.of(calmId), proctor.expect(200, proctor.get("/api/proctoring/review-queue?exam=" + examId))
                .getJsonArray("items").stream().map(i -> i.asJsonObject().getString("attemptId")).toList(), "final: out of the queue");
    }

    static String flag(Client proctor, String attemptId, String type, String severity) throws Exception {
        return proctor.expect(201, proctor.post("/api/attempts/" + attemptId + "/incidents",
                Json.createObjectBuilder().add("type", type).add("severity", severity).build())).getString("id");
    }

    static JsonObject reason(String text) {
        return Json.createObjectBuilder().add("reason", text).build();
    }

    static String incidentOf(Client staff, String attemptId, String type) throws Exception {
        return staff.expect(200, staff.get("/api/attempts/" + attemptId)).getJsonArray("incidents").stream()
                .map(JsonValue::asJsonObject).filter(i -> type.equals(i.getString("type"))).findFirst().orElseThrow()
                .getString("id");
    }

    static JsonObject figure(Client staff, String examId, String type) throws Exception {
        JsonObject found = Server.jsonArray(staff.get("/api/proctoring/exams/" + examId + "/figures")).stream()
                .map(JsonValue::asJsonObject).filter(f -> type.equals(f.getString("type"))).findFirst().orElse(null);
        assertNotNull(found, type);
        return found;
    }

    static HttpResponse<byte[]> bytes(Client who, String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(Server.uri(path)).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return who.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
