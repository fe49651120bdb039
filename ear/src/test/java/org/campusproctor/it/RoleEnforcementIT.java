package org.campusproctor.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every service refuses the wrong role with 403 and an anonymous caller with 401 (pages: a redirect to the login
 * page); candidates cannot touch each other's attempts; wrong passwords do not log in.
 */
class RoleEnforcementIT {

    static Client anonymous;
    static Client candidate;
    static Client otherCandidate;
    static Client proctor;
    static Client registrar;
    static Client admin;
    static String examId;
    static String attemptId;
    static String questionId;

    @BeforeAll
    static void world() throws Exception {
        anonymous = Client.anonymous();
        registrar = Client.demo("registrar");
        proctor = Client.demo("proctor");
        admin = Scenario.admin();
        candidate = Scenario.newUser("candidate");
        otherCandidate = Scenario.newUser("candidate");
        JsonObject exam = Scenario.exam(registrar, 3600, false, Scenario.shortTexts(1));
        examId = exam.getString("id");
        questionId = exam.getJsonArray("questions").getJsonObject(0).getString("id");
        attemptId = Scenario.startedAttempt(candidate, Scenario.register(registrar, examId, candidate, null, 0)).getString("id");
    }

    record Call(String method, String path, JsonObject body) {
    }

    static List<Call> registrarCalls() {
        JsonObject exam = Json.createObjectBuilder().add("title", "x").add("durationSeconds", 60).add("passingScore", 50).build();
        return List.of(new Call("POST", "/api/exams", exam),
                new Call("GET", "/api/exams/" + examId, null),
                new Call("POST", "/api/exams/" + examId + "/archive", null),
                new Call("POST", "/api/exams/" + examId + "/registrations", Json.createObjectBuilder().add("candidate", "candidate2").build()),
                new Call("PUT", "/api/attempts/" + attemptId + "/answers/" + questionId + "/grade", Json.createObjectBuilder().add("points", 1).build()));
    }

    static List<Call> proctorCalls() {
        JsonObject reason = Json.createObjectBuilder().add("reason", "r").build();
        return List.of(new Call("POST", "/api/attempts/" + attemptId + "/pause", reason),
                new Call("POST", "/api/attempts/" + attemptId + "/terminate", reason),
                new Call("POST", "/api/attempts/" + attemptId + "/time", Json.createObjectBuilder().add("seconds", 60).add("reason", "r").build()),
                new Call("POST", "/api/attempts/" + attemptId + "/messages", Json.createObjectBuilder().add("text", "hi").build()),
                new Call("POST", "/api/attempts/" + attemptId + "/incidents", Json.createObjectBuilder().add("type", "X").add("severity", "LOW").build()),
                new Call("POST", "/api/attempts/" + attemptId + "/review", Json.createObjectBuilder().add("decision", "CLEARED").build()),
                new Call("GET", "/api/frames/" + java.util.UUID.randomUUID() + "/analysis", null));
    }

    static List<Call> candidateCalls() {
        return List.of(new Call("POST", "/api/attempts/" + attemptId + "/submit", null),
                new Call("PUT", "/api/attempts/" + attemptId + "/answers/" + questionId, Scenario.save(questionId, "x", "r1", 1)),
                new Call("POST", "/api/attempts/" + attemptId + "/browser-events", Json.createObjectBuilder().add("type", "TAB_SWITCH").add("severity", "LOW").build()));
    }

    static List<Call> adminCalls() {
        return List.of(new Call("POST", "/api/accounts", Json.createObjectBuilder().add("username", Scenario.unique("x"))
                        .add("password", "long-enough-pw").add("displayName", "x").add("roles", Json.createArrayBuilder().add("admin")).build()),
                new Call("GET", "/api/audit", null),
                new Call("POST", "/api/jobs/media-retention", Json.createObjectBuilder().add("retentionDays", 3650).build()));
    }

    @Test
    void anonymousCallersGet401() throws Exception {
        List<Call> all = new ArrayList<>();
        all.addAll(registrarCalls());
        all.addAll(proctorCalls());
        all.addAll(candidateCalls());
        all.addAll(adminCalls());
        all.add(new Call("GET", "/api/attempts/" + attemptId, null));
        for (Call call : all) {
            assertStatus(401, anonymous, call);
        }
        HttpResponse<String> frame = anonymous.upload("/api/attempts/" + attemptId + "/frames", "image/jpeg", TestImages.syntheticJpeg(64, 48));
        assertEquals(401, frame.statusCode(), frame.body());
    }

    @Test
    void wrongRolesGet403() throws Exception {
        for (Call call : registrarCalls()) {
            assertStatus(403, candidate, call);
            assertStatus(403, proctor, call);
        }
        for (Call call : proctorCalls()) {
            assertStatus(403, candidate, call);
            assertStatus(403, registrar, call);
        }
        assertStatus(403, candidate, new Call("GET", "/api/attempts/" + attemptId + "/timeline", null));
        for (Call call : candidateCalls()) {
            assertStatus(403, proctor, call);
            assertStatus(403, registrar, call);
            assertStatus(403, admin, call);
        }
        for (Call call : adminCalls().subList(0, 2)) {
            assertStatus(403, candidate, call);
            assertStatus(403, proctor, call);
            assertStatus(403, registrar, call);
        }
        assertStatus(403, candidate, adminCalls().get(2));
        assertStatus(403, proctor, adminCalls().get(2));
        HttpResponse<String> frame = proctor.upload("/api/attempts/" + attemptId + "/frames", "image/jpeg", TestImages.syntheticJpeg(64, 48));
        assertEquals(403, frame.statusCode(), frame.body());
    }

    @Test
    void deadLetterQueuesAreForAdmins() throws Exception {
        assertEquals(200, admin.get("/api/admin/dead-letters/frames.dlq").statusCode());
        assertEquals(403, registrar.get("/api/admin/dead-letters/frames.dlq").statusCode());
        assertEquals(403, proctor.get("/api/admin/dead-letters/frames.dlq").statusCode());
        int anonymousStatus = anonymous.get("/api/admin/dead-letters/frames.dlq").statusCode();
        assertTrue(anonymousStatus == 302 || anonymousStatus == 401, "anonymous: " + anonymousStatus);
    }

    @Test
    void candidatesCannotTouchEachOthersAttempts() throws Exception {
        for (Call call : candidateCalls()) {
            assertStatus(403, otherCandidate, call);
        }
        assertStatus(404, otherCandidate, new Call("GET", "/api/attempts/" + attemptId, null));
        HttpResponse<String> frame = otherCandidate.upload("/api/attempts/" + attemptId + "/frames", "image/jpeg", TestImages.syntheticJpeg(64, 48));
        assertEquals(403, frame.statusCode(), frame.body());
        // the owner's frame is accepted (64x64: intake refuses sides under 64 pixels)
        assertEquals(202, candidate.upload("/api/attempts/" + attemptId + "/frames", "image/jpeg", TestImages.syntheticJpeg(64, 64)).statusCode());
        var refusals = Scenario.audit(otherCandidate.username, "ACCESS_REFUSED", "attempt", attemptId).size();
        assertTrue(refusals >= 1, "refusals are audited");
    }

    @Test
    void wrongPasswordDoesNotLogIn() throws Exception {
        HttpResponse<String> r = Client.anonymous().post("/api/session", Json.createObjectBuilder()
                .add("username", "admin").add("password", "guess-guess").build());
        assertEquals(401, r.statusCode(), r.body());
        assertEquals(401, Client.anonymous().post("/api/session", Json.createObjectBuilder()
                .add("username", "nobody-" + System.nanoTime()).add("password", "whatever1").build()).statusCode());
        JsonObject me = candidate.expect(200, candidate.get("/api/session"));
        assertEquals(candidate.username, me.getString("username"));
        assertEquals(List.of("candidate"), me.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());
    }

    @Test
    void proctorFeedNeedsAProctor() throws Exception {
        WebSocket.Listener ignore = new WebSocket.Listener() { };
        assertThrows(CompletionException.class, () -> anonymous.webSocket("/ws/proctor-feed", ignore).join());
        assertThrows(CompletionException.class, () -> candidate.webSocket("/ws/proctor-feed", ignore).join());
        WebSocket ok = proctor.webSocket("/ws/proctor-feed", ignore).get(30, TimeUnit.SECONDS);
        ok.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    static void assertStatus(int expected, Client client, Call call) throws Exception {
        HttpResponse<String> r = client.send(call.method(), call.path(), call.body() == null && !call.method().equals("GET")
                ? JsonValue.EMPTY_JSON_OBJECT : call.body());
        assertEquals(expected, r.statusCode(), call.method() + " " + call.path() + " as " + client.username + ": " + r.body());
    }
}
