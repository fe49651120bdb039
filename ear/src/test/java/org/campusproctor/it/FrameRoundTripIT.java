package org.campusproctor.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.campusproctor.contract.media.CraftedImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The vertical slice: a frame uploaded over HTTP is stored (EJB + EclipseLink), queued on {@code frames}, analysed by
 * the vision-worker MDB (OpenCV + ONNX Runtime server modules), answered on {@code vision-results}, recorded by the
 * consuming MDB and pushed to the proctor feed WebSocket.
 */
class FrameRoundTripIT {

    private final BlockingQueue<String> pushed = new LinkedBlockingQueue<>();
    private WebSocket feed;
    private static Scenario.Running attempt;

    @BeforeAll
    static void runningAttempt() throws Exception {
        attempt = Scenario.running(3600);
    }

    @BeforeEach
    void openFeed() {
        feed = Client.demo("proctor")
                .webSocket("/ws/proctor-feed", new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            pushed.add(partial.toString());
                            partial.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }
                }).join();
    }

    @AfterEach
    void closeFeed() {
        feed.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    @Test
    void uploadedFrameIsAnalysedAndPushedToProctors() throws Exception {
        String attemptId = attempt.attemptId();
        HttpResponse<String> upload = attempt.candidate().upload("/api/attempts/" + attemptId + "/frames", "image/jpeg",
                TestImages.syntheticJpeg(640, 480));
        assertEquals(202, upload.statusCode(), upload.body());
        String mediaId = Server.json(upload).getString("mediaId");
        assertEquals(64, Server.json(upload).getString("sha256").length());

        JsonObject event = awaitPush(mediaId, 60);
        assertNotNull(event, "no push for frame " + mediaId + " on the proctor feed");
        assertEquals(attemptId, event.getString("attemptId"));
        assertEquals("ANALYSED", event.getString("status"));
        assertEquals(640, event.getJsonObject("detail").getInt("width"));
        assertEquals(480, event.getJsonObject("detail").getInt("height"));

        HttpResponse<String> analysis = Client.demo("proctor").get("/api/frames/" + mediaId + "/analysis");
        assertEquals(200, analysis.statusCode(), analysis.body());
        JsonObject recorded = Server.json(analysis);
        assertEquals("ANALYSED", recorded.getString("status"));
        assertTrue(recorded.getJsonObject("detail").getString("executionProvider").matches("CPU|CUDA"));
    }

    @Test
    void realFaceComesBackWithModelOutputs() throws Exception {
        // an attempt of its own: the worker's incident rules keep per-attempt state across frames
        Scenario.Running own = Scenario.running(3600);
        byte[] photo = java.nio.file.Files.readAllBytes(
                java.nio.file.Path.of("../weights/testdata/images/single_frontal/cc0_interfaces_001_frontal.jpg"));
        HttpResponse<String> upload = own.candidate().upload("/api/attempts/" + own.attemptId() + "/frames", "image/jpeg", photo);
        assertEquals(202, upload.statusCode(), upload.body());
        String mediaId = Server.json(upload).getString("mediaId");

        JsonObject event = awaitPush(mediaId, 120);
        assertNotNull(event, "no push for frame " + mediaId);
        JsonObject detail = event.getJsonObject("detail");
        assertEquals(1, detail.getInt("faceCount"), detail.toString());
        JsonObject face = detail.getJsonArray("faces").getJsonObject(0);
        assertTrue(face.getJsonNumber("detectionScore").doubleValue() > 0.5, face.toString());
        JsonObject pose = face.getJsonObject("pose");
        assertTrue(Math.abs(pose.getJsonNumber("yaw").doubleValue()) < 15, pose.toString());
        assertTrue(Math.abs(pose.getJsonNumber("pitch").doubleValue()) < 20, pose.toString());
        JsonObject spoof = face.getJsonObject("spoof");
        assertNotNull(spoof, "spoof stage ran: " + detail.getJsonArray("stages"));
        assertTrue(spoof.getBoolean("live"), spoof.toString());
        assertTrue(detail.getJsonArray("stages").toString().contains("\"landmarks\""), detail.toString());
        assertEquals(0, detail.getJsonArray("incidents").size(), "one frontal frame raises nothing");
        assertTrue(detail.getJsonObject("inferenceMicros").containsKey("blazeface"), detail.toString());
        assertTrue(!face.containsKey("matchDistance"), "no enrolment photo, no face match: " + face);
    }

    @Test
    void theEnrolmentPhotoReachesTheWorkerThroughTheFrameMessage() throws Exception {
        Scenario.Running own = Scenario.running(3600);
        byte[] enrolment = java.nio.file.Files.readAllBytes(
                java.nio.file.Path.of("../weights/testdata/images/single_frontal/cc0_interfaces_001_frontal.jpg"));
        Client registrar = Client.demo("registrar");
        JsonObject registration = registrar.expect(200, registrar.upload("PUT",
                "/api/registrations/" + own.registrationId() + "/enrolment-photo", "image/jpeg", enrolment));
        assertTrue(registration.getBoolean("enrolmentPhoto"), registration.toString());
        // a candidate cannot set their own reference face
        assertEquals(403, own.candidate().upload("PUT", "/api/registrations/" + own.registrationId()
                + "/enrolment-photo", "image/jpeg", enrolment).statusCode());

        HttpResponse<String> upload = own.candidate().upload("/api/attempts/" + own.attemptId() + "/frames",
                "image/jpeg", enrolment);
        assertEquals(202, upload.statusCode(), upload.body());
        String mediaId = Server.json(upload).getString("mediaId");
        JsonObject event = awaitPush(mediaId, 120);
        assertNotNull(event, "no push for frame " + mediaId);
        JsonObject face = event.getJsonObject("detail").getJsonArray("faces").getJsonObject(0);
        assertTrue(face.containsKey("matchDistance"), "face match ran against the enrolment photo: " + face);
        assertTrue(face.getJsonNumber("matchDistance").doubleValue() < 0.3,
                "the same photo is close to itself: " + face);
    }

    @Test
    void corruptJpegIsDeadLetteredWithItsReason() throws Exception {
        // a sound header (intake reads it) over data no decoder can use: a JPEG without its quantisation tables
        byte[] corrupt = CraftedImages.withoutQuantisationTables(TestImages.syntheticJpeg(320, 240));
        String attemptId = attempt.attemptId();
        Client admin = Scenario.admin();
        HttpResponse<String> upload = attempt.candidate().upload("/api/attempts/" + attemptId + "/frames", "image/jpeg", corrupt);
        assertEquals(202, upload.statusCode(), "the header passes intake; only decoding can tell: " + upload.body());
        String mediaId = Server.json(upload).getString("mediaId");

        JsonArray deadLetters = Eventually.await(Duration.ofSeconds(60), Duration.ofMillis(500), () -> {
            HttpResponse<String> dlq = admin.get("/api/admin/dead-letters/frames.dlq");
            assertEquals(200, dlq.statusCode(), dlq.body());
            return Server.json(dlq).getJsonArray("messages");
        }, messages -> parked(messages, mediaId) != null, "frame " + mediaId + " on frames.dlq");
        JsonObject parked = parked(deadLetters, mediaId);
        assertEquals(attemptId, parked.getString("attemptId"));
        assertTrue(parked.getString("failureReason").startsWith("CorruptFrameException"), parked.toString());
        assertEquals(404, Client.demo("proctor").get("/api/frames/" + mediaId + "/analysis").statusCode(), "never analysed");
        assertEquals(404, admin.get("/api/admin/dead-letters/not-a-queue").statusCode());
    }

    @Test
    void refusesWhatIsNotAnImage() throws Exception {
        HttpResponse<String> response = attempt.candidate().upload("/api/attempts/" + attempt.attemptId() + "/frames", "image/jpeg",
                "this is not a picture at all".getBytes());
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("NOT_AN_IMAGE", Server.json(response).getString("error"));
    }

    @Test
    void refusesOversizedFrames() throws Exception {
        byte[] huge = new byte[3 * 1024 * 1024];
        huge[0] = (byte) 0xFF;
        huge[1] = (byte) 0xD8;
        huge[2] = (byte) 0xFF;
        HttpResponse<String> response = attempt.candidate().upload("/api/attempts/" + attempt.attemptId() + "/frames", "image/jpeg", huge);
        assertEquals(413, response.statusCode(), response.body());
        assertEquals("TOO_LARGE", Server.json(response).getString("error"));
    }

    @Test
    void unknownFrameHasNoAnalysis() throws Exception {
        assertEquals(404, Client.demo("proctor").get("/api/frames/" + UUID.randomUUID() + "/analysis").statusCode());
    }

    /** The dead-lettered message of the frame, or null. */
    private static JsonObject parked(JsonArray messages, String mediaId) {
        JsonObject parked = null;
        for (jakarta.json.JsonValue v : messages) {
            if (mediaId.equals(v.asJsonObject().getString("mediaId", null))) {
                parked = v.asJsonObject();
            }
        }
        return parked;
    }

    private JsonObject awaitPush(String mediaId, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String text = pushed.poll(1, TimeUnit.SECONDS);
            if (text != null) {
                JsonObject event = Server.json(text);
                if (mediaId.equals(event.getString("mediaId", null))) {
                    return event;
                }
            }
        }
        return null;
    }
}
