package org.campusproctor.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An attempt through its life over HTTP, one behaviour per test, each on an attempt of its own: identity check and
 * start, autosave of every question type, proctor actions, incidents and risk score, submit and scoring, essay
 * grading and answer-key correction with re-scoring, review and outcome, termination. Each checks what it leaves on
 * the attempt's timeline and in the audit log; illegal transitions are refused with 409.
 */
class AttemptLifecycleIT {

    @Test
    void identityCheckComesBeforeTheStart() throws Exception {
        Sitting s = sitting();
        Client candidate = s.candidate();
        JsonObject attempt = candidate.expect(201, candidate.post("/api/registrations/" + s.registration() + "/attempt", null));
        String id = attempt.getString("id");
        String base = "/api/attempts/" + id;
        assertEquals("CREATED", attempt.getString("status"));
        assertEquals(720, attempt.getJsonNumber("totalAllowedSeconds").longValue(), "600 s + 120 s extra time");
        assertEquals(6, attempt.getJsonArray("questions").size());
        assertEquals(id, candidate.expect(201, candidate.post("/api/registrations/" + s.registration() + "/attempt", null)).getString("id"),
                "opening again returns the same attempt");

        // illegal: start before the identity check; skipping a required identity check
        assertEquals("ILLEGAL_TRANSITION", candidate.expect(409, candidate.post(base + "/start", null)).getString("error"));
        assertEquals("IDENTITY_CHECK_REQUIRED", candidate.expect(409, candidate.post(base + "/ready", null)).getString("error"));

        assertEquals("IDENTITY_CHECK", candidate.expect(200, candidate.post(base + "/identity-check", null)).getString("status"));
        assertEquals("READY", s.proctor().expect(200, s.proctor().post(base + "/identity-verified", null)).getString("status"));
        attempt = candidate.expect(200, candidate.post(base + "/start", null));
        assertEquals("IN_PROGRESS", attempt.getString("status"));
        assertNotNull(attempt.getString("deadline"));

        assertTimeline(s.proctor(), base, Set.of("CREATED", "IDENTITY_CHECK", "IDENTITY_VERIFIED", "IN_PROGRESS"));
    }

    @Test
    void autosaveAppliesEveryQuestionTypeAndTheLatestCorrection() throws Exception {
        Sitting s = sitting();
        JsonObject attempt = started(s);
        String base = "/api/attempts/" + attempt.getString("id");
        Map<String, String> byType = questionsByType(attempt);
        saveEveryType(s.candidate(), base, byType);

        Map<String, Long> sequences = s.candidate().expect(200, s.candidate().get(base)).getJsonArray("answers").stream()
                .map(JsonValue::asJsonObject).collect(Collectors.toMap(a -> a.getString("questionId"), a -> a.getJsonNumber("sequence").longValue()));
        assertEquals(6, sequences.size(), "one answer per question: " + sequences);
        assertEquals(2L, sequences.get(byType.get("SHORT_TEXT")), "the correction replaced the first save");
    }

    @Test
    void proctorPausesResumesAndExtendsTheTime() throws Exception {
        Sitting s = sitting();
        Client candidate = s.candidate();
        Client proctor = s.proctor();
        JsonObject attempt = started(s);
        String id = attempt.getString("id");
        String base = "/api/attempts/" + id;
        Map<String, String> byType = questionsByType(attempt);

        proctor.expect(200, proctor.post(base + "/messages", Json.createObjectBuilder().add("text", "Please face the camera").build()));
        proctor.expect(200, proctor.post(base + "/messages", Json.createObjectBuilder().add("text", "Second warning").add("warning", true).build()));
        assertEquals("PAUSED", proctor.expect(200, proctor.post(base + "/pause", Json.createObjectBuilder().add("reason", "noise").build())).getString("status"));
        assertEquals("NOT_ACCEPTING_ANSWERS", candidate.expect(409, candidate.put(base + "/answers/" + byType.get("TRUE_FALSE"),
                Scenario.save(null, "false", "late", 2))).getString("error"));
        assertEquals("ILLEGAL_TRANSITION", candidate.expect(409, candidate.post(base + "/submit", null)).getString("error"));
        assertEquals("IN_PROGRESS", proctor.expect(200, proctor.post(base + "/resume", null)).getString("status"));
        JsonObject extended = proctor.expect(200, proctor.post(base + "/time", Json.createObjectBuilder().add("seconds", 60).add("reason", "network outage").build()));
        assertEquals(780, extended.getJsonNumber("totalAllowedSeconds").longValue());

        assertTimeline(proctor, base, Set.of("MESSAGED", "WARNED", "PAUSED", "RESUMED", "TIME_ADDED"));
        assertAudited(id, Set.of(proctor.username + ":PROCTOR_PAUSED"));
    }

    @Test
    void incidentsRaiseTheRiskScoreAndNeverChangeTheStatus() throws Exception {
        Sitting s = sitting();
        Client candidate = s.candidate();
        Client proctor = s.proctor();
        String base = "/api/attempts/" + started(s).getString("id");

        proctor.expect(201, proctor.post(base + "/incidents", Json.createObjectBuilder().add("type", "SECOND_PERSON")
                .add("severity", "HIGH").add("detail", "someone behind").build()));
        candidate.expect(202, candidate.post(base + "/browser-events", Json.createObjectBuilder().add("type", "TAB_SWITCH")
                .add("severity", "MEDIUM").build()));
        JsonObject staffView = proctor.expect(200, proctor.get(base));
        assertEquals(20, staffView.getInt("riskScore"), "HIGH 15 + MEDIUM 5");
        assertEquals(2, staffView.getJsonArray("incidents").size());
        JsonObject candidateView = candidate.expect(200, candidate.get(base));
        assertEquals(0, candidateView.getJsonArray("incidents").size(), "candidates do not see incidents");
        assertEquals("IN_PROGRESS", candidateView.getString("status"), "incidents never change the status");

        assertTimeline(proctor, base, Set.of("SECOND_PERSON", "TAB_SWITCH"));
    }

    @Test
    void submitScoresTheSavedAnswers() throws Exception {
        Sitting s = sitting();
        Client candidate = s.candidate();
        JsonObject attempt = started(s);
        String id = attempt.getString("id");
        String base = "/api/attempts/" + id;
        Map<String, String> byType = questionsByType(attempt);
        saveEveryType(candidate, base, byType);

        JsonObject submitted = candidate.expect(200, candidate.post(base + "/submit", null));
        assertEquals("SUBMITTED", submitted.getString("status"));
        assertEquals("PENDING_REVIEW", submitted.getString("reviewStatus"));
        assertFalse(submitted.containsKey("score"), "the candidate sees no score before the result is released");
        JsonObject scored = s.proctor().expect(200, s.proctor().get(base));
        assertEquals(new BigDecimal("7.50"), scored.getJsonNumber("score").bigDecimalValue());
        assertEquals(new BigDecimal("14.00"), scored.getJsonNumber("maxScore").bigDecimalValue());
        assertFalse(scored.getBoolean("gradingComplete"), "the essay awaits a grader");
        assertEquals("ILLEGAL_TRANSITION", candidate.expect(409, candidate.post(base + "/submit", null)).getString("error"));
        assertEquals("DUPLICATE", candidate.expect(200, candidate.put(base + "/answers/" + byType.get("SHORT_TEXT"),
                Scenario.save(null, "  PARIS ", "save-2", 2))).getString("outcome"), "a retried acknowledged save is still acknowledged");

        assertTimeline(s.proctor(), base, Set.of("SUBMITTED"));
        assertAudited(id, Set.of(candidate.username + ":ATTEMPT_SUBMITTED"));
    }

    @Test
    void essayGradeAndAnswerKeyCorrectionRescore() throws Exception {
        Sitting s = sitting();
        Client registrar = s.registrar();
        JsonObject attempt = started(s);
        String id = attempt.getString("id");
        String base = "/api/attempts/" + id;
        Map<String, String> byType = questionsByType(attempt);
        saveEveryType(s.candidate(), base, byType);
        s.candidate().expect(200, s.candidate().post(base + "/submit", null)); // 7.50 of 14 (submitScoresTheSavedAnswers)

        JsonObject graded = registrar.expect(200, registrar.put(base + "/answers/" + byType.get("ESSAY") + "/grade",
                Json.createObjectBuilder().add("points", 4).add("comment", "good").build()));
        assertEquals(new BigDecimal("11.50"), graded.getJsonNumber("score").bigDecimalValue());
        assertTrue(graded.getBoolean("gradingComplete"));

        JsonObject rescored = registrar.expect(200, registrar.put("/api/exams/" + s.examId() + "/questions/" + byType.get("MULTIPLE_CHOICE") + "/key",
                Json.createObjectBuilder().add("type", "MULTIPLE_CHOICE").add("correctChoices", Json.createArrayBuilder().add(0).add(1).add(2)).build()));
        assertTrue(rescored.getInt("rescoredAttempts") >= 1);
        assertEquals(new BigDecimal("13.00"), s.proctor().expect(200, s.proctor().get(base)).getJsonNumber("score").bigDecimalValue(),
                "0,2,1 is now fully correct: 3 points, the manual essay grade is kept");

        assertTimeline(s.proctor(), base, Set.of("GRADED", "RESCORED"));
        assertAudited(id, Set.of(registrar.username + ":ANSWER_GRADED"));
    }

    @Test
    void finalReviewReleasesTheOutcome() throws Exception {
        Sitting s = sitting();
        Client proctor = s.proctor();
        JsonObject attempt = started(s);
        String id = attempt.getString("id");
        String base = "/api/attempts/" + id;
        Map<String, String> byType = questionsByType(attempt);
        saveEveryType(s.candidate(), base, byType);
        s.candidate().expect(200, s.candidate().post(base + "/submit", null));
        s.registrar().expect(200, s.registrar().put(base + "/answers/" + byType.get("ESSAY") + "/grade",
                Json.createObjectBuilder().add("points", 4).add("comment", "good").build())); // 11.50 of 14, passing score 50 %

        assertEquals("ILLEGAL_TRANSITION", proctor.expect(409, proctor.post(base + "/review", decision("FINAL", null))).getString("error"));
        assertEquals("INVALID_INPUT", proctor.expect(400, proctor.post(base + "/review", decision("SUSPICIOUS", ""))).getString("error"));
        assertEquals("PENDING_REVIEW", proctor.expect(200, proctor.post(base + "/review", decision("CLEARED", null))).getString("outcome"));
        JsonObject fin = proctor.expect(200, proctor.post(base + "/review", decision("FINAL", null)));
        assertEquals("FINAL", fin.getString("reviewStatus"));
        assertEquals("PASSED", fin.getString("outcome"));
        assertEquals("ILLEGAL_TRANSITION", proctor.expect(409, proctor.post(base + "/review", decision("SUSPICIOUS", "too late"))).getString("error"));

        assertTimeline(proctor, base, Set.of("CLEARED", "FINAL"));
        assertAudited(id, Set.of(proctor.username + ":REVIEW_FINAL"));
    }

    @Test
    void terminatedAttemptAcceptsNothingMoreAndGoesToReview() throws Exception {
        Client registrar = Client.demo("registrar");
        Client proctor = Scenario.newUser("proctor");
        Client otherProctor = Scenario.newUser("proctor");
        Client candidate = Scenario.newUser("candidate");
        JsonObject exam = Scenario.exam(registrar, 600, false, Scenario.shortTexts(1));
        String registration = Scenario.register(registrar, exam.getString("id"), candidate, proctor, 0);
        String id = Scenario.startedAttempt(candidate, registration).getString("id");
        String question = exam.getJsonArray("questions").getJsonObject(0).getString("id");
        save(candidate, "/api/attempts/" + id, question, "answer-0", 1);

        assertEquals("ACCESS_REFUSED", otherProctor.expect(403, otherProctor.post("/api/attempts/" + id + "/terminate",
                Json.createObjectBuilder().add("reason", "not mine").build())).getString("error"), "only the assigned proctor");
        assertEquals("INVALID_INPUT", proctor.expect(400, proctor.post("/api/attempts/" + id + "/terminate", null)).getString("error"),
                "a reason is required");
        JsonObject terminated = proctor.expect(200, proctor.post("/api/attempts/" + id + "/terminate",
                Json.createObjectBuilder().add("reason", "phone in use").build()));
        assertEquals("TERMINATED", terminated.getString("status"));
        assertEquals("PENDING_REVIEW", terminated.getString("reviewStatus"));
        assertEquals(new BigDecimal("1.00"), terminated.getJsonNumber("score").bigDecimalValue(), "scored with what was saved");
        assertEquals("NOT_ACCEPTING_ANSWERS", candidate.expect(409, candidate.put("/api/attempts/" + id + "/answers/" + question,
                Scenario.save(null, "x", "s2", 2))).getString("error"));
        assertEquals("ILLEGAL_TRANSITION", proctor.expect(409, proctor.post("/api/attempts/" + id + "/resume", null)).getString("error"));
        assertEquals("ATTEMPT_COMPLETED", proctor.expect(409, proctor.post("/api/attempts/" + id + "/time",
                Json.createObjectBuilder().add("seconds", 60).add("reason", "late").build())).getString("error"));
        proctor.expect(200, proctor.post("/api/attempts/" + id + "/review", decision("SUSPICIOUS", "phone visible on frames")));
        assertEquals("SECOND_REVIEW_REQUIRED", proctor.expect(409, proctor.post("/api/attempts/" + id + "/review",
                decision("FINAL", null))).getString("error"), "who called it suspicious cannot make it final alone");
        Client secondReviewer = Scenario.admin();
        assertEquals("VOIDED", secondReviewer.expect(200, secondReviewer.post("/api/attempts/" + id + "/review",
                decision("FINAL", null))).getString("outcome"));
    }

    /** A registrar's published exam (one question of every type, identity check, 600 s), a proctor and a candidate registered with 120 s extra time. */
    record Sitting(Client registrar, Client proctor, Client candidate, String examId, String registration) {
    }

    static Sitting sitting() throws Exception {
        Client registrar = Client.demo("registrar");
        Client proctor = Scenario.newUser("proctor");
        Client candidate = Scenario.newUser("candidate");
        String examId = Scenario.exam(registrar, 600, true, Scenario.everyType()).getString("id");
        return new Sitting(registrar, proctor, candidate, examId, Scenario.register(registrar, examId, candidate, proctor, 120));
    }

    /** Opens the attempt and takes it through the identity check to IN_PROGRESS; returns the attempt JSON. */
    static JsonObject started(Sitting s) throws Exception {
        Client candidate = s.candidate();
        String base = "/api/attempts/" + candidate.expect(201, candidate.post("/api/registrations/" + s.registration() + "/attempt", null)).getString("id");
        candidate.expect(200, candidate.post(base + "/identity-check", null));
        s.proctor().expect(200, s.proctor().post(base + "/identity-verified", null));
        return candidate.expect(200, candidate.post(base + "/start", null));
    }

    static Map<String, String> questionsByType(JsonObject attempt) {
        Map<String, String> byType = new HashMap<>();
        for (JsonValue q : attempt.getJsonArray("questions")) {
            byType.put(q.asJsonObject().getString("type"), q.asJsonObject().getString("id"));
        }
        return byType;
    }

    /** Answers of Scenario.everyType(): 7.50 of 14 points before the essay is graded. */
    static void saveEveryType(Client candidate, String base, Map<String, String> byType) throws Exception {
        save(candidate, base, byType.get("SINGLE_CHOICE"), "1", 1);              // 2 of 2
        save(candidate, base, byType.get("MULTIPLE_CHOICE"), "0,2,1", 1);        // (2-1)/2 x 3 = 1.5
        save(candidate, base, byType.get("TRUE_FALSE"), "true", 1);              // 1
        save(candidate, base, byType.get("SHORT_TEXT"), "paris", 1);             // wrong first...
        save(candidate, base, byType.get("SHORT_TEXT"), "  PARIS ", 2);          // ...corrected: 1
        save(candidate, base, byType.get("NUMERIC"), "3.145", 1);                // within 0.01: 2
        save(candidate, base, byType.get("ESSAY"), "Proctoring must be proportionate.", 1);
    }

    /** The attempt's timeline (read by staff) holds these actions, among others. */
    static void assertTimeline(Client staff, String base, Set<String> expected) throws Exception {
        JsonArray timeline = Server.jsonArray(staff.get(base + "/timeline"));
        Set<String> actions = timeline.stream().map(v -> v.asJsonObject().getString("action")).collect(Collectors.toSet());
        assertTrue(actions.containsAll(expected), actions.toString());
    }

    /** The audit log has these actor:action entries for the attempt, and every entry of the attempt says where from. */
    static void assertAudited(String attemptId, Set<String> expected) throws Exception {
        List<JsonObject> audit = Scenario.audit(null, null, null, attemptId);
        Set<String> audited = audit.stream().map(e -> e.getString("actor") + ":" + e.getString("action")).collect(Collectors.toSet());
        assertTrue(audited.containsAll(expected), audited.toString());
        assertTrue(audit.stream().allMatch(e -> e.containsKey("origin") && !e.isNull("origin")), "every entry says where from");
    }

    static void save(Client candidate, String base, String questionId, String response, long sequence) throws Exception {
        JsonObject receipt = candidate.expect(200, candidate.put(base + "/answers/" + questionId,
                Scenario.save(questionId, response, "save-" + sequence, sequence)));
        assertEquals("APPLIED", receipt.getString("outcome"));
        assertEquals(sequence, receipt.getJsonNumber("sequence").longValue());
    }

    static JsonObject decision(String decision, String reason) {
        var b = Json.createObjectBuilder().add("decision", decision);
        if (reason != null) {
            b.add("reason", reason);
        }
        return b.build();
    }
}
