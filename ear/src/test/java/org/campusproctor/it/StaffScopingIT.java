package org.campusproctor.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One scoping rule for staff: a proctor sees and acts on the attempts assigned to them, registrars read every attempt,
 * admins see and act on every attempt. Reads outside the scope are "not found" (like a missing attempt), actions are
 * refused (403); both are audited. The dashboard and the proctor feed follow the same rule.
 */
class StaffScopingIT {

    static Client registrar;
    static Client admin;
    static Client proctor;
    static Client otherProctor;
    static Client candidate;
    static String attemptId;
    static String unassignedAttemptId;

    @BeforeAll
    static void world() throws Exception {
        registrar = Client.demo("registrar");
        admin = Scenario.admin();
        proctor = Scenario.newUser("proctor");
        otherProctor = Scenario.newUser("proctor");
        candidate = Scenario.newUser("candidate");
        Client loner = Scenario.newUser("candidate");
        String examId = Scenario.exam(registrar, 3600, false, Scenario.shortTexts(1)).getString("id");
        attemptId = Scenario.startedAttempt(candidate, Scenario.register(registrar, examId, candidate, proctor, 0)).getString("id");
        unassignedAttemptId = Scenario.startedAttempt(loner, Scenario.register(registrar, examId, loner, null, 0)).getString("id");
    }

    @Test
    void aProctorReadsNothingOfAnAttemptAssignedToAnother() throws Exception {
        String base = "/api/attempts/" + attemptId;
        assertEquals(attemptId, proctor.expect(200, proctor.get(base)).getString("id"));
        proctor.expect(200, proctor.get(base + "/timeline"));
        JsonObject refused = otherProctor.expect(404, otherProctor.get(base));
        JsonObject missing = otherProctor.expect(404, otherProctor.get("/api/attempts/" + UUID.randomUUID()));
        assertEquals(missing.getString("error"), refused.getString("error"), "the same answer as for no attempt at all");
        otherProctor.expect(404, otherProctor.get(base + "/timeline"));
        registrar.expect(200, registrar.get(base));
        registrar.expect(200, registrar.get(base + "/timeline"));
        admin.expect(200, admin.get(base));
        assertTrue(refusals(otherProctor, attemptId) >= 2, "refused reads are audited");
    }

    @Test
    void aProctorNeitherActsNorReviewsNorDismissesOnAnotherProctorsAttempt() throws Exception {
        String base = "/api/attempts/" + attemptId;
        JsonObject reason = Json.createObjectBuilder().add("reason", "not mine").build();
        assertEquals("ACCESS_REFUSED", otherProctor.expect(403, otherProctor.post(base + "/pause", reason)).getString("error"));
        otherProctor.expect(403, otherProctor.post(base + "/messages", Json.createObjectBuilder().add("text", "hi").build()));
        otherProctor.expect(403, otherProctor.post(base + "/review", Json.createObjectBuilder().add("decision", "CLEARED").build()));
        String incident = proctor.expect(201, proctor.post(base + "/incidents", Json.createObjectBuilder()
                .add("type", "SECOND_PERSON").add("severity", "LOW").build())).getString("id");
        otherProctor.expect(403, otherProctor.post(base + "/incidents/" + incident + "/dismiss", reason));
        JsonObject dismissed = proctor.expect(200, proctor.post(base + "/incidents/" + incident + "/dismiss",
                Json.createObjectBuilder().add("reason", "false positive").build()));
        assertTrue(dismissed.getJsonArray("incidents").stream().map(JsonValue::asJsonObject)
                .anyMatch(i -> i.getString("id").equals(incident) && i.getBoolean("dismissed")), dismissed.toString());
        assertTrue(refusals(otherProctor, attemptId) >= 4, "refused actions are audited");
    }

    @Test
    void anUnassignedAttemptIsForAdminsAndRegistrarsOnly() throws Exception {
        String base = "/api/attempts/" + unassignedAttemptId;
        proctor.expect(404, proctor.get(base));
        proctor.expect(403, proctor.post(base + "/messages", Json.createObjectBuilder().add("text", "hi").build()));
        registrar.expect(200, registrar.get(base));
        assertEquals("IN_PROGRESS", admin.expect(200, admin.post(base + "/messages",
                Json.createObjectBuilder().add("text", "from the admin").build())).getString("status"));
    }

    @Test
    void frameAnalysesTheDashboardAndTheFeedShowEachProctorOnlyTheirAttempts() throws Exception {
        List<JsonObject> mine = new CopyOnWriteArrayList<>();
        List<JsonObject> others = new CopyOnWriteArrayList<>();
        List<JsonObject> admins = new CopyOnWriteArrayList<>();
        WebSocket mySocket = proctor.webSocket("/ws/proctor-feed", collect(mine)).get(30, TimeUnit.SECONDS);
        WebSocket otherSocket = otherProctor.webSocket("/ws/proctor-feed", collect(others)).get(30, TimeUnit.SECONDS);
        WebSocket adminSocket = admin.webSocket("/ws/proctor-feed", collect(admins)).get(30, TimeUnit.SECONDS);
        try {
            String mediaId = candidate.expect(202, candidate.upload("/api/attempts/" + attemptId + "/frames", "image/jpeg",
                    TestImages.syntheticJpeg(320, 240))).getString("mediaId");
            proctor.expect(200, proctor.post("/api/attempts/" + attemptId + "/messages",
                    Json.createObjectBuilder().add("text", "Please face the camera").build()));
            admin.expect(200, admin.post("/api/attempts/" + unassignedAttemptId + "/messages",
                    Json.createObjectBuilder().add("text", "for nobody's proctor").build()));

            assertNotNull(await(mine, e -> mediaId.equals(e.getString("mediaId", null)), 90), "the assigned proctor gets the frame");
            assertNotNull(await(mine, e -> "MESSAGED".equals(e.getString("action", null)), 10), "and the message");
            assertNotNull(await(admins, e -> mediaId.equals(e.getString("mediaId", null)), 30), "the admin gets everything");
            assertNotNull(await(admins, e -> unassignedAttemptId.equals(e.getString("attemptId", null)), 30));
            Thread.sleep(1_000); // anything for the other proctor would have arrived by now
            List<JsonObject> leaked = others.stream().filter(e -> attemptId.equals(e.getString("attemptId", null))
                    || unassignedAttemptId.equals(e.getString("attemptId", null))).toList();
            assertEquals(List.of(), leaked, "the other proctor gets nothing of attempts not assigned to them");
            assertNull(await(mine, e -> unassignedAttemptId.equals(e.getString("attemptId", null)), 1));

            HttpResponse<String> analysis = proctor.get("/api/frames/" + mediaId + "/analysis");
            assertEquals(200, analysis.statusCode(), analysis.body());
            assertEquals(404, otherProctor.get("/api/frames/" + mediaId + "/analysis").statusCode(), "not theirs: not found");
            assertEquals(200, admin.get("/api/frames/" + mediaId + "/analysis").statusCode());

            assertTrue(proctor.get("/proctor/index.xhtml").body().contains(attemptId), "the dashboard lists the proctor's frames");
            HttpResponse<String> otherDashboard = otherProctor.get("/proctor/index.xhtml");
            assertEquals(200, otherDashboard.statusCode());
            assertFalse(otherDashboard.body().contains(attemptId), "and no one else's");
        } finally {
            for (WebSocket socket : List.of(mySocket, otherSocket, adminSocket)) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
            }
        }
    }

    static WebSocket.Listener collect(List<JsonObject> into) {
        return new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    into.add(Server.json(partial.toString()));
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }
        };
    }

    /** The first event received that matches, waiting up to the given seconds; null if none came. */
    static JsonObject await(List<JsonObject> received, Predicate<JsonObject> which, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        do {
            for (JsonObject e : received) {
                if (which.test(e)) {
                    return e;
                }
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return null;
    }

    static long refusals(Client who, String attemptId) throws Exception {
        return Scenario.audit(who.username, "ACCESS_REFUSED", null, attemptId).size();
    }
}
