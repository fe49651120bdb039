package org.campusproctor.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Test data built through the public API only: fresh accounts (created by the demo admin), an exam with one question
 * of every type, a registration and an attempt.
 */
final class Scenario {

    private Scenario() {
    }

    private static Client admin;

    /** The demo admin, logged in once (password hashing is deliberately slow). */
    /**
     * The audit entries matching the filters (actor, action, targetType, targetId; null: any), newest first, at most
     * 200: filtered by the server, so that what other tests audit meanwhile cannot push them out of a "latest" list.
     */
    static List<JsonObject> audit(String actor, String action, String targetType, String targetId) throws Exception {
        StringBuilder query = new StringBuilder("/api/audit/search?size=200");
        for (String[] f : new String[][]{{"actor", actor}, {"action", action}, {"targetType", targetType}, {"targetId", targetId}}) {
            if (f[1] != null) {
                query.append('&').append(f[0]).append('=').append(URLEncoder.encode(f[1], StandardCharsets.UTF_8));
            }
        }
        Client admin = admin();
        return admin.expect(200, admin.get(query.toString())).getJsonArray("items").getValuesAs(JsonObject.class);
    }

    static synchronized Client admin() {
        if (admin == null) {
            admin = Client.demo("admin");
        }
        return admin;
    }

    /** After a server reload every session is gone. */
    static synchronized void forgetSessions() {
        admin = null;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates an account with the given role through the admin API and logs it in. */
    static Client newUser(String role) throws Exception {
        Client admin = admin();
        String username = unique("it-" + role);
        admin.expect(201, admin.post("/api/accounts", Json.createObjectBuilder().add("username", username)
                .add("password", Client.IT_PASSWORD).add("displayName", "IT " + role)
                .add("roles", Json.createArrayBuilder().add(role)).build()));
        return Client.login(username, Client.IT_PASSWORD);
    }

    /** A published exam of the given duration; returns the exam JSON (with its questions). */
    static JsonObject exam(Client registrar, long durationSeconds, boolean identityCheck, List<JsonObject> questions) throws Exception {
        return exam(registrar, durationSeconds, identityCheck, questions, null);
    }

    /** The same, with the exam's incident-threshold overrides for the vision workers (null = defaults). */
    static JsonObject exam(Client registrar, long durationSeconds, boolean identityCheck, List<JsonObject> questions,
                           JsonObject incidentThresholds) throws Exception {
        JsonObjectBuilder proctoring = Json.createObjectBuilder().add("webcam", true).add("identityCheck", identityCheck)
                .add("frameIntervalSeconds", 5).add("reviewRiskThreshold", 40);
        if (incidentThresholds != null) {
            proctoring.add("incidentThresholds", incidentThresholds);
        }
        JsonObject exam = registrar.expect(201, registrar.post("/api/exams", Json.createObjectBuilder()
                .add("title", unique("IT exam")).add("instructions", "No notes.")
                .add("durationSeconds", durationSeconds).add("passingScore", 50)
                .add("shuffleQuestions", true).add("shuffleChoices", true)
                .add("proctoring", proctoring)
                .build()));
        String id = exam.getString("id");
        for (JsonObject q : questions) {
            registrar.expect(201, registrar.post("/api/exams/" + id + "/questions", q));
        }
        return registrar.expect(200, registrar.post("/api/exams/" + id + "/publish", null));
    }

    /** One question of every type: 2 + 3 + 1 + 1 + 2 + 5 = 14 points, in this order. */
    static List<JsonObject> everyType() {
        List<JsonObject> q = new ArrayList<>();
        q.add(question("SINGLE_CHOICE", "2+2?", 2).add("choices", arr("3", "4", "5")).add("correctChoices", Json.createArrayBuilder().add(1)).build());
        q.add(question("MULTIPLE_CHOICE", "Primes?", 3).add("choices", arr("2", "4", "5", "9"))
                .add("correctChoices", Json.createArrayBuilder().add(0).add(2)).build());
        q.add(question("TRUE_FALSE", "Water is wet", 1).add("correctBoolean", true).build());
        q.add(question("SHORT_TEXT", "Capital of France?", 1).add("acceptedAnswers", arr("Paris")).add("caseSensitive", false).build());
        q.add(question("NUMERIC", "Pi to two decimals", 2).add("numericAnswer", 3.14).add("tolerance", 0.01).build());
        q.add(question("ESSAY", "Discuss proctoring ethics", 5).build());
        return q;
    }

    static List<JsonObject> shortTexts(int count) {
        List<JsonObject> q = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            q.add(question("SHORT_TEXT", "Question " + i, 1).add("acceptedAnswers", arr("answer-" + i)).build());
        }
        return q;
    }

    static JsonObjectBuilder question(String type, String prompt, int points) {
        return Json.createObjectBuilder().add("type", type).add("prompt", prompt).add("points", points);
    }

    static JsonArrayBuilder arr(String... values) {
        JsonArrayBuilder b = Json.createArrayBuilder();
        for (String v : values) {
            b.add(v);
        }
        return b;
    }

    static String register(Client registrar, String examId, Client candidate, Client proctor, long extraSeconds) throws Exception {
        return registerAssigned(registrar, examId, candidate, proctor == null ? null : proctor.username, extraSeconds);
    }

    /** The same, with the assigned proctor by username (null: none). */
    static String registerAssigned(Client registrar, String examId, Client candidate, String proctor, long extraSeconds) throws Exception {
        JsonObjectBuilder body = Json.createObjectBuilder().add("candidate", candidate.username).add("extraTimeSeconds", extraSeconds);
        if (proctor != null) {
            body.add("proctor", proctor);
        }
        return registrar.expect(201, registrar.post("/api/exams/" + examId + "/registrations", body.build())).getString("id");
    }

    /** Opens the attempt, marks it ready (exams without identity check) and starts it; returns the attempt JSON. */
    static JsonObject startedAttempt(Client candidate, String registrationId) throws Exception {
        String id = candidate.expect(201, candidate.post("/api/registrations/" + registrationId + "/attempt", null)).getString("id");
        candidate.expect(200, candidate.post("/api/attempts/" + id + "/ready", null));
        return candidate.expect(200, candidate.post("/api/attempts/" + id + "/start", null));
    }

    static JsonObject save(String questionId, String response, String saveId, long sequence) {
        return Json.createObjectBuilder().add("response", response).add("saveId", saveId).add("sequence", sequence).build();
    }

    /**
     * A running attempt of a fresh candidate on a fresh exam (no identity check), assigned to the demo proctor (who
     * alone of the proctors sees it), for tests that need frames.
     */
    static Running running(long durationSeconds) throws Exception {
        return running(durationSeconds, null);
    }

    /** The same, on an exam with incident-threshold overrides. */
    static Running running(long durationSeconds, JsonObject incidentThresholds) throws Exception {
        Client registrar = Client.demo("registrar");
        Client candidate = newUser("candidate");
        JsonObject exam = exam(registrar, durationSeconds, false, shortTexts(2), incidentThresholds);
        String registration = registerAssigned(registrar, exam.getString("id"), candidate, "proctor", 0);
        JsonObject attempt = startedAttempt(candidate, registration);
        return new Running(candidate, attempt.getString("id"), exam, registration);
    }

    record Running(Client candidate, String attemptId, JsonObject exam, String registrationId) {
    }
}
