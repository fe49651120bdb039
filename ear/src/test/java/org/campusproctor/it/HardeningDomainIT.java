package org.campusproctor.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Holes found by probing a running server, closed in the aggregates: a candidate skipping the proctor's identity
 * approval, numeric answers that cost unbounded CPU, results shown before they are released, browser events whose
 * severity the candidate chose, unbounded time extensions and changes after a FINAL review, and audit fields that
 * could forge log lines; every applied autosave is kept as a revision.
 */
class HardeningDomainIT {

    /** 1: with an identity check, only a proctor's approval makes the attempt READY. */
    @Test
    void candidateCannotSkipTheProctorsIdentityApproval() throws Exception {
        Client registrar = Client.demo("registrar");
        Client proctor = Scenario.newUser("proctor");
        Client otherProctor = Scenario.newUser("proctor");
        Client candidate = Scenario.newUser("candidate");
        JsonObject exam = Scenario.exam(registrar, 600, true, Scenario.shortTexts(1));
        String registration = Scenario.register(registrar, exam.getString("id"), candidate, proctor, 0);
        String id = candidate.expect(201, candidate.post("/api/registrations/" + registration + "/attempt", null)).getString("id");
        String base = "/api/attempts/" + id;

        candidate.expect(200, candidate.post(base + "/identity-check", null));
        assertEquals("IDENTITY_NOT_VERIFIED", candidate.expect(409, candidate.post(base + "/ready", null)).getString("error"),
                "the candidate cannot approve their own identity check");
        assertEquals("ILLEGAL_TRANSITION", candidate.expect(409, candidate.post(base + "/start", null)).getString("error"));
        candidate.expect(403, candidate.post(base + "/identity-verified", null));
        otherProctor.expect(403, otherProctor.post(base + "/identity-verified", null));
        assertEquals("IDENTITY_CHECK", proctor.expect(200, proctor.get(base)).getString("status"));

        assertEquals("READY", proctor.expect(200, proctor.post(base + "/identity-verified", null)).getString("status"));
        assertEquals("ILLEGAL_TRANSITION", proctor.expect(409, proctor.post(base + "/identity-verified", null)).getString("error"),
                "verified once");
        assertEquals("IN_PROGRESS", candidate.expect(200, candidate.post(base + "/start", null)).getString("status"));
        JsonArray timeline = Server.jsonArray(proctor.get(base + "/timeline"));
        assertTrue(timeline.stream().map(JsonValue::asJsonObject).anyMatch(t -> t.getString("action").equals("IDENTITY_VERIFIED")
                && t.getString("actor").equals(proctor.username)), timeline.toString());

        // exams without an identity check: the candidate's own "ready" is unchanged
        Client other = Scenario.newUser("candidate");
        JsonObject plain = Scenario.exam(registrar, 600, false, Scenario.shortTexts(1));
        assertEquals("IN_PROGRESS", Scenario.startedAttempt(other, Scenario.register(registrar, plain.getString("id"), other, null, 0))
                .getString("status"));
    }

    /** 2: a numeric answer with a huge exponent (and any over-long answer) is refused at once, never parsed. */
    @Test
    void oversizedAnswersAreRefusedQuicklyAtSave() throws Exception {
        Client registrar = Client.demo("registrar");
        Client candidate = Scenario.newUser("candidate");
        Client proctor = Scenario.newUser("proctor");
        JsonObject exam = Scenario.exam(registrar, 600, false, Scenario.everyType());
        String registration = Scenario.register(registrar, exam.getString("id"), candidate, proctor, 0);
        JsonObject attempt = Scenario.startedAttempt(candidate, registration);
        String base = "/api/attempts/" + attempt.getString("id");
        Map<String, String> byType = byType(attempt);

        long started = System.nanoTime();
        HttpResponse<String> refused = candidate.put(base + "/answers/" + byType.get("NUMERIC"), Scenario.save(null, "1e-30000000", "n1", 1));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals("INVALID_INPUT", candidate.expect(400, refused).getString("error"));
        assertTrue(took.toMillis() < 1000, "refused in " + took.toMillis() + " ms");
        System.out.println("HardeningDomainIT: 1e-30000000 refused with 400 in " + took.toMillis() + " ms");
        for (String bad : List.of("1e2147483648", "9".repeat(41), "1E+101")) {
            candidate.expect(400, candidate.put(base + "/answers/" + byType.get("NUMERIC"), Scenario.save(null, bad, "n1", 1)));
        }
        candidate.expect(400, candidate.put(base + "/answers/" + byType.get("ESSAY"), Scenario.save(null, "x".repeat(10_001), "e1", 1)));
        candidate.expect(400, candidate.put(base + "/answers/" + byType.get("SHORT_TEXT"), Scenario.save(null, "x".repeat(1001), "t1", 1)));
        candidate.expect(400, candidate.put(base + "/answers/" + byType.get("MULTIPLE_CHOICE"), Scenario.save(null, "0,".repeat(101), "m1", 1)));

        AttemptLifecycleIT.save(candidate, base, byType.get("ESSAY"), "x".repeat(10_000), 1);
        AttemptLifecycleIT.save(candidate, base, byType.get("NUMERIC"), "3.14", 1);
        AttemptLifecycleIT.save(candidate, base, byType.get("NUMERIC"), "314e-2", 2);
        started = System.nanoTime();
        candidate.expect(200, candidate.post(base + "/submit", null));
        took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.toMillis() < 5000, "submitted and scored in " + took.toMillis() + " ms");
        System.out.println("HardeningDomainIT: submitted and scored in " + took.toMillis() + " ms");
        JsonObject staff = proctor.expect(200, proctor.get(base));
        assertEquals(new BigDecimal("2.00"), staff.getJsonNumber("score").bigDecimalValue(), "314e-2 is 3.14: 2 points");
    }

    /** 3: until the review is FINAL and the outcome released, the candidate sees no score, points or outcome. */
    @Test
    void candidateSeesNoResultBeforeItIsReleased() throws Exception {
        Client registrar = Client.demo("registrar");
        Client proctor = Scenario.newUser("proctor");
        Client candidate = Scenario.newUser("candidate");
        List<JsonObject> questions = List.of(Scenario.question("SHORT_TEXT", "Capital of France?", 1).add("acceptedAnswers", Scenario.arr("Paris")).build(),
                Scenario.question("ESSAY", "Discuss", 1).build());
        JsonObject exam = Scenario.exam(registrar, 600, false, questions);
        String registration = Scenario.register(registrar, exam.getString("id"), candidate, proctor, 0);
        JsonObject attempt = Scenario.startedAttempt(candidate, registration);
        String base = "/api/attempts/" + attempt.getString("id");
        Map<String, String> byType = byType(attempt);
        AttemptLifecycleIT.save(candidate, base, byType.get("SHORT_TEXT"), "Paris", 1);
        AttemptLifecycleIT.save(candidate, base, byType.get("ESSAY"), "An essay", 1);

        assertNoResult(candidate.expect(200, candidate.post(base + "/submit", null)), "submit response");
        assertEquals(new BigDecimal("1.00"), proctor.expect(200, proctor.get(base)).getJsonNumber("score").bigDecimalValue(),
                "staff views are unchanged");
        proctor.expect(200, proctor.post(base + "/review", AttemptLifecycleIT.decision("SUSPICIOUS", "second face")));
        assertNoResult(candidate.expect(200, candidate.get(base)), "while suspicious");
        proctor.expect(200, proctor.post(base + "/review", AttemptLifecycleIT.decision("CLEARED", null)));
        assertNoResult(candidate.expect(200, candidate.get(base)), "while cleared");
        Client secondReviewer = Scenario.admin(); // the proctor called it suspicious: another person makes it final
        assertEquals("PENDING_GRADING", secondReviewer.expect(200, secondReviewer.post(base + "/review",
                AttemptLifecycleIT.decision("FINAL", null))).getString("outcome"));
        assertNoResult(candidate.expect(200, candidate.get(base)), "FINAL, but the essay is not graded");

        registrar.expect(200, registrar.put(base + "/answers/" + byType.get("ESSAY") + "/grade",
                Json.createObjectBuilder().add("points", 1).build()));
        JsonObject released = candidate.expect(200, candidate.get(base));
        assertEquals("PASSED", released.getString("outcome"));
        assertEquals("FINAL", released.getString("reviewStatus"));
        assertEquals(new BigDecimal("2.00"), released.getJsonNumber("score").bigDecimalValue());
        assertTrue(released.getJsonArray("answers").stream().allMatch(a -> a.asJsonObject().containsKey("awardedPoints")), released.toString());
        assertFalse(released.containsKey("reviewReason"), "reviewer notes stay with staff");
    }

    /** 4: the server decides what a browser event is and how much it weighs; details and evidence are bounded. */
    @Test
    void browserEventsComeFromTheServersCatalogue() throws Exception {
        Client registrar = Client.demo("registrar");
        Client proctor = Scenario.newUser("proctor");
        Client candidate = Scenario.newUser("candidate");
        JsonObject exam = Scenario.exam(registrar, 600, false, Scenario.shortTexts(1));
        String registration = Scenario.register(registrar, exam.getString("id"), candidate, proctor, 0);
        String base = "/api/attempts/" + Scenario.startedAttempt(candidate, registration).getString("id");

        candidate.expect(202, candidate.post(base + "/browser-events", event("DEVTOOLS_SUSPECTED", "LOW", "F12")));
        candidate.expect(202, candidate.post(base + "/browser-events", event("COPY", "CRITICAL", "x".repeat(1000))));
        JsonObject staff = proctor.expect(200, proctor.get(base));
        Map<String, String> severities = new HashMap<>();
        staff.getJsonArray("incidents").forEach(i -> severities.put(i.asJsonObject().getString("type"), i.asJsonObject().getString("severity")));
        assertEquals(Map.of("DEVTOOLS_SUSPECTED", "HIGH", "COPY", "LOW"), severities, "the client's severity is ignored");
        assertEquals(17, staff.getInt("riskScore"));

        assertEquals("INVALID_INPUT", candidate.expect(400, candidate.post(base + "/browser-events", event("MADE_UP", null, null))).getString("error"));
        candidate.expect(400, candidate.post(base + "/browser-events", event("A".repeat(5000), null, null)));
        candidate.expect(400, candidate.post(base + "/browser-events", event("TAB_HIDDEN", null, "x".repeat(1001))));

        // proctor flags: at most 50 pieces of evidence, each a frame of this attempt
        Scenario.Running other = Scenario.running(600);
        String foreignFrame = Server.json(other.candidate().upload("/api/attempts/" + other.attemptId() + "/frames", "image/jpeg",
                TestImages.syntheticJpeg(320, 240))).getString("mediaId");
        HttpResponse<String> upload = candidate.upload(base + "/frames", "image/jpeg", TestImages.syntheticJpeg(320, 240));
        assertEquals(202, upload.statusCode(), upload.body());
        String ownFrame = Server.json(upload).getString("mediaId");
        proctor.expect(400, proctor.post(base + "/incidents", flag(List.of(foreignFrame))));
        proctor.expect(400, proctor.post(base + "/incidents", flag(List.of(ownFrame + "," + foreignFrame))));
        proctor.expect(400, proctor.post(base + "/incidents", flag(java.util.Collections.nCopies(51, ownFrame))));
        proctor.expect(400, proctor.post(base + "/incidents", Json.createObjectBuilder().add("type", "SECOND_PERSON")
                .add("severity", "HIGH").add("detail", "x".repeat(2001)).build()));
        for (String type : List.of("A".repeat(65), "A".repeat(5000))) {
            proctor.expect(400, proctor.post(base + "/incidents", Json.createObjectBuilder().add("type", type).add("severity", "LOW").build()));
        }
        proctor.expect(201, proctor.post(base + "/incidents", flag(List.of(ownFrame))));
        assertEquals(3, proctor.expect(200, proctor.get(base)).getJsonArray("incidents").stream()
                .filter(i -> !i.asJsonObject().getString("source").equals("VISION")).count(), "nothing refused was recorded");
    }

    /** 5: extensions are bounded; time past the deadline is not given back; a FINAL review freezes the outcome. */
    @Test
    void timeIsBoundedAndAFinalReviewIsFinal() throws Exception {
        Client registrar = Client.demo("registrar");
        Client proctor = Scenario.newUser("proctor");
        Client candidate = Scenario.newUser("candidate");
        JsonObject exam = Scenario.exam(registrar, 600, false, Scenario.shortTexts(1));
        String examId = exam.getString("id");
        String question = exam.getJsonArray("questions").getJsonObject(0).getString("id");
        String registration = Scenario.register(registrar, examId, candidate, proctor, 0);
        String base = "/api/attempts/" + Scenario.startedAttempt(candidate, registration).getString("id");

        proctor.expect(400, proctor.post(base + "/time", time(Long.MAX_VALUE)));
        proctor.expect(400, proctor.post(base + "/time", time(86_401)));
        proctor.expect(200, proctor.post(base + "/time", time(86_000)));
        assertEquals("EXTENSION_LIMIT", proctor.expect(409, proctor.post(base + "/time", time(401))).getString("error"));
        assertEquals(600 + 86_400, proctor.expect(200, proctor.post(base + "/time", time(400))).getJsonNumber("totalAllowedSeconds").longValue());

        AttemptLifecycleIT.save(candidate, base, question, "wrong", 1);
        String incident = proctor.expect(201, proctor.post(base + "/incidents", Json.createObjectBuilder().add("type", "SECOND_PERSON")
                .add("severity", "HIGH").build())).getString("id");
        candidate.expect(200, candidate.post(base + "/submit", null));
        proctor.expect(200, proctor.post(base + "/review", AttemptLifecycleIT.decision("CLEARED", null)));
        assertEquals("FAILED", proctor.expect(200, proctor.post(base + "/review", AttemptLifecycleIT.decision("FINAL", null))).getString("outcome"));

        assertEquals("REVIEW_FINAL", registrar.expect(409, registrar.put(base + "/answers/" + question + "/grade",
                Json.createObjectBuilder().add("points", 1).build())).getString("error"));
        assertEquals("REVIEW_FINAL", proctor.expect(409, proctor.post(base + "/incidents/" + incident + "/dismiss",
                Json.createObjectBuilder().add("reason", "after the fact").build())).getString("error"));
        JsonObject keyChanged = registrar.expect(200, registrar.put("/api/exams/" + examId + "/questions/" + question + "/key",
                Json.createObjectBuilder().add("type", "SHORT_TEXT").add("acceptedAnswers", Scenario.arr("wrong")).build()));
        assertEquals(0, keyChanged.getInt("rescoredAttempts"));
        assertEquals(1, keyChanged.getInt("skippedFinalAttempts"));
        JsonObject staff = proctor.expect(200, proctor.get(base));
        assertEquals("FAILED", staff.getString("outcome"), "the released outcome stands");
        assertEquals(new BigDecimal("0.00"), staff.getJsonNumber("score").bigDecimalValue());
        assertEquals(15, staff.getInt("riskScore"));
    }

    /** 5: between the deadline and the next sweep, neither a pause nor an extension gives time back. */
    @Test
    void pastItsDeadlineAnAttemptExpiresInsteadOfPausing() throws Exception {
        Client registrar = Client.demo("registrar");
        Client proctor = Scenario.newUser("proctor");
        Client candidate = Scenario.newUser("candidate");
        JsonObject exam = Scenario.exam(registrar, 3, false, Scenario.shortTexts(1));
        String registration = Scenario.register(registrar, exam.getString("id"), candidate, proctor, 0);
        JsonObject attempt = Scenario.startedAttempt(candidate, registration);
        String base = "/api/attempts/" + attempt.getString("id");
        Instant deadline = Instant.parse(attempt.getString("deadline"));
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()) + 100);

        // the sweep may already have expired it (ILLEGAL_TRANSITION); either way it is never paused or extended
        HttpResponse<String> pause = proctor.post(base + "/pause", Json.createObjectBuilder().add("reason", "late").build());
        assertEquals(409, pause.statusCode(), pause.body());
        assertTrue(List.of("DEADLINE_PASSED", "ILLEGAL_TRANSITION").contains(Server.json(pause).getString("error")), pause.body());
        HttpResponse<String> extend = proctor.post(base + "/time", time(600));
        assertEquals(409, extend.statusCode(), extend.body());
        assertTrue(List.of("DEADLINE_PASSED", "ATTEMPT_COMPLETED").contains(Server.json(extend).getString("error")), extend.body());
        JsonObject expired = TimedExpiryIT.awaitStatus(proctor, attempt.getString("id"), "EXPIRED", 30);
        assertEquals(3, expired.getJsonNumber("totalAllowedSeconds").longValue());
    }

    /** 6: control characters cannot forge audit or log lines; every applied autosave stays readable by staff. */
    @Test
    void auditFieldsAreEscapedAndEveryAppliedSaveIsKept() throws Exception {
        String marker = Scenario.unique("FORGED");
        String forged = "it-inject\nAUDIT admin " + marker + "\r\u2028";
        Instant sent = Instant.now();
        Client.anonymous().post("/api/session", Json.createObjectBuilder().add("username", forged).add("password", "x").build());
        JsonObject entry = Scenario.audit(null, "LOGIN_FAILED", null, null).stream()
                .filter(e -> e.getString("actor").contains(marker)).findFirst().orElseThrow();
        assertEquals("it-inject\\nAUDIT admin " + marker + "\\r\\u2028", entry.getString("actor"));
        List<String> lines = serverLogSince(sent.minusSeconds(1));
        assertTrue(lines.stream().anyMatch(l -> l.contains("AUDIT it-inject\\nAUDIT admin " + marker)), "the escaped line is logged");
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("AUDIT admin " + marker)), "no forged line");

        Client registrar = Client.demo("registrar");
        Client proctor = Scenario.newUser("proctor");
        Client candidate = Scenario.newUser("candidate");
        JsonObject exam = Scenario.exam(registrar, 600, false, Scenario.shortTexts(2));
        String registration = Scenario.register(registrar, exam.getString("id"), candidate, proctor, 0);
        String id = Scenario.startedAttempt(candidate, registration).getString("id");
        String base = "/api/attempts/" + id;
        String q0 = exam.getJsonArray("questions").getJsonObject(0).getString("id");
        String q1 = exam.getJsonArray("questions").getJsonObject(1).getString("id");
        AttemptLifecycleIT.save(candidate, base, q0, "first", 1);
        AttemptLifecycleIT.save(candidate, base, q0, "second", 2);
        AttemptLifecycleIT.save(candidate, base, q1, "other", 1);
        AttemptLifecycleIT.save(candidate, base, q0, "third", 4);
        assertEquals("STALE", candidate.expect(200, candidate.put(base + "/answers/" + q0, Scenario.save(null, "late", "save-3", 3))).getString("outcome"));
        assertEquals("DUPLICATE", candidate.expect(200, candidate.put(base + "/answers/" + q0, Scenario.save(null, "third", "save-4", 4))).getString("outcome"));

        JsonArray all = Server.jsonArray(proctor.get(base + "/answer-revisions"));
        assertEquals(4, all.size(), all.toString());
        JsonArray revisions = Server.jsonArray(registrar.get(base + "/answer-revisions?question=" + q0));
        assertEquals(List.of("first", "second", "third"), revisions.stream().map(r -> r.asJsonObject().getString("response")).toList());
        assertEquals(List.of(1L, 2L, 4L), revisions.stream().map(r -> r.asJsonObject().getJsonNumber("sequence").longValue()).toList());
        assertTrue(revisions.stream().allMatch(r -> r.asJsonObject().containsKey("savedAt") && r.asJsonObject().containsKey("saveId")));
        candidate.expect(403, candidate.get(base + "/answer-revisions"));
        Client.anonymous().expect(401, Client.anonymous().get(base + "/answer-revisions"));
        proctor.expect(404, proctor.get("/api/attempts/no-such-attempt/answer-revisions"));
    }

    /** The server log's lines, with the files it rotated to since then (Payara rotates every 2 MB: often, under tests). */
    private static List<String> serverLogSince(Instant since) throws IOException {
        Path log = Path.of(System.getProperty("it.server.log"));
        String name = log.getFileName().toString();
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(log.getParent())) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(name)).toList()) {
                if (Files.getLastModifiedTime(file).toInstant().isAfter(since)) {
                    lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
                }
            }
        }
        return lines;
    }

    private static Map<String, String> byType(JsonObject attempt) {
        Map<String, String> byType = new HashMap<>();
        for (JsonValue q : attempt.getJsonArray("questions")) {
            byType.put(q.asJsonObject().getString("type"), q.asJsonObject().getString("id"));
        }
        return byType;
    }

    private static void assertNoResult(JsonObject view, String when) {
        for (String key : List.of("score", "maxScore", "reviewDecision", "reviewReason")) {
            assertTrue(!view.containsKey(key) || view.isNull(key), when + ": " + key + " shown: " + view);
        }
        assertEquals("PENDING_REVIEW", view.getString("outcome"), when);
        assertEquals("PENDING_REVIEW", view.getString("reviewStatus"), when);
        assertFalse(view.getBoolean("gradingComplete"), when);
        assertTrue(view.getJsonArray("answers").stream().map(JsonValue::asJsonObject)
                .allMatch(a -> (!a.containsKey("awardedPoints") || a.isNull("awardedPoints")) && !a.getBoolean("needsGrading")), when + ": " + view);
    }

    private static JsonObject event(String type, String severity, String detail) {
        var b = Json.createObjectBuilder().add("type", type);
        if (severity != null) {
            b.add("severity", severity);
        }
        if (detail != null) {
            b.add("detail", detail);
        }
        return b.build();
    }

    private static JsonObject flag(List<String> evidence) {
        JsonArrayBuilder ids = Json.createArrayBuilder();
        evidence.forEach(ids::add);
        return Json.createObjectBuilder().add("type", "PHONE_SEEN").add("severity", "HIGH").add("evidence", ids).build();
    }

    private static JsonObject time(long seconds) {
        return Json.createObjectBuilder().add("seconds", seconds).add("reason", "outage").build();
    }
}
