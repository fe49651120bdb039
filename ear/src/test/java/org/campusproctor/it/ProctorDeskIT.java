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
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the proctor screens read and decide, through the API behind them: an exam's candidates riskiest first within
 * the proctor's scope, evidence frames (thumbnail sized by the server, cached privately, revalidated by ETag, never a
 * storage path, nothing of another proctor's attempt), the review queue with the exam's threshold first, confirmed and
 * dismissed incidents in the detector figures, and the second review a suspicious decision needs; the screen
 * recording's chunks for the staff of the attempt, byte for byte and in order, cached, and for no one else.
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

    @Test
    void screenChunksForTheStaffOfTheAttemptOnly() throws Exception {
        Client registrar = Client.demo("registrar");
        Client admin = Scenario.admin();
        Client proctor = Scenario.newUser("proctor");
        Client otherProctor = Scenario.newUser("proctor");
        Client candidate = Scenario.newUser("candidate");
        Client quiet = Scenario.newUser("candidate");
        String examId = recordedExam(registrar);
        String attemptId = Scenario.startedAttempt(candidate, Scenario.register(registrar, examId, candidate, proctor, 0))
                .getString("id");
        String quietId = Scenario.startedAttempt(quiet, Scenario.register(registrar, examId, quiet, proctor, 0)).getString("id");

        // three pieces, the first with the WebM header, uploaded out of order (a retry queue does that)
        Random random = new Random(42);
        byte[][] pieces = new byte[3][];
        for (int i = 0; i < pieces.length; i++) {
            pieces[i] = new byte[20_000 + 7_000 * i];
            random.nextBytes(pieces[i]);
        }
        System.arraycopy(new byte[]{0x1a, 0x45, (byte) 0xdf, (byte) 0xa3}, 0, pieces[0], 0, 4);
        String base = "/api/attempts/" + attemptId + "/screen-chunks";
        for (int i : new int[]{2, 0, 1}) {
            HttpResponse<String> r = uploadChunk(candidate, attemptId, i, pieces[i]);
            assertEquals(202, r.statusCode(), r.body());
        }

        JsonArray list = Server.jsonArray(proctor.get(base));
        assertEquals(List.of(0L, 1L, 2L), list.stream().map(c -> c.asJsonObject().getJsonNumber("sequence").longValue())
                .toList(), "in recording order");
        String etag = null;
        for (int i = 0; i < pieces.length; i++) {
            assertEquals(pieces[i].length, list.getJsonObject(i).getJsonNumber("sizeBytes").longValue());
            HttpResponse<byte[]> chunk = bytes(proctor, base + "/" + i, null);
            assertEquals(200, chunk.statusCode());
            assertEquals("video/webm", chunk.headers().firstValue("Content-Type").orElse(""));
            assertArrayEquals(pieces[i], chunk.body(), "piece " + i + " as uploaded");
            assertTrue(chunk.headers().firstValue("Cache-Control").orElse("").contains("private"));
            assertFalse(chunk.headers().map().toString().contains("/screen/"), "no storage path in the headers");
            etag = chunk.headers().firstValue("ETag").orElseThrow();
        }
        assertEquals(304, bytes(proctor, base + "/2", etag).statusCode(), "revalidated, not resent");
        assertEquals(200, bytes(proctor, base + "/1", etag).statusCode(), "another piece's tag is not this one's");
        assertArrayEquals(pieces[1], bytes(registrar, base + "/1", null).body(), "registrars read every attempt");
        assertArrayEquals(pieces[2], bytes(admin, base + "/2", null).body());

        assertEquals(404, bytes(otherProctor, base + "/0", null).statusCode());
        assertEquals(404, bytes(otherProctor, base + "/2", etag).statusCode(), "not even a 304");
        assertEquals(404, otherProctor.get(base).statusCode());
        assertEquals(403, bytes(candidate, base + "/0", null).statusCode(), "candidates never, not even their own");
        assertEquals(403, bytes(quiet, base + "/0", etag).statusCode());
        assertEquals(404, bytes(proctor, base + "/3", null).statusCode(), "no such piece");
        assertEquals(404, bytes(proctor, base + "/-1", null).statusCode());
        assertEquals(404, bytes(proctor, base + "/x", null).statusCode());
        assertEquals(404, bytes(proctor, "/api/attempts/" + "x".repeat(500) + "/screen-chunks/0", null).statusCode());

        // the candidate page: the player with its script, the pieces listed; none for a silent attempt
        HttpResponse<String> page = proctor.get("/proctor/attempt.xhtml?attempt=" + attemptId);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"recording-player\""), "the player");
        assertTrue(page.body().contains("recording.js"), "the player's script, a static file (script-src 'self')");
        assertTrue(page.body().contains("Piece 2 (WebM)"), "the pieces listed");
        assertFalse(page.body().contains("No screen recording"));
        HttpResponse<String> silent = proctor.get("/proctor/attempt.xhtml?attempt=" + quietId);
        assertTrue(silent.body().contains("No screen recording"), "said when there is none");
        assertFalse(silent.body().contains("id=\"recording-player\""));
    }

    /** A published exam that records the candidates' screens (one short question); returns its id. */
    static String recordedExam(Client registrar) throws Exception {
        JsonObject exam = registrar.expect(201, registrar.post("/api/exams", Json.createObjectBuilder()
                .add("title", Scenario.unique("IT recorded exam")).add("durationSeconds", 3600).add("passingScore", 50)
                .add("proctoring", Json.createObjectBuilder().add("webcam", true).add("identityCheck", false)
                        .add("screenRecording", true).add("frameIntervalSeconds", 5))
                .build()));
        String examId = exam.getString("id");
        for (JsonObject q : Scenario.shortTexts(1)) {
            registrar.expect(201, registrar.post("/api/exams/" + examId + "/questions", q));
        }
        registrar.expect(200, registrar.post("/api/exams/" + examId + "/publish", null));
        return examId;
    }

    /** Uploads a screen chunk as the candidate would (with its SHA-256); returns the response. */
    static HttpResponse<String> uploadChunk(Client candidate, String attemptId, long sequence, byte[] bytes) throws Exception {
        return candidate.send(HttpRequest.newBuilder(Server.uri("/api/attempts/" + attemptId + "/screen-chunks/" + sequence))
                .header("Content-Type", "video/webm").header("X-Chunk-SHA256", sha256(bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
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
