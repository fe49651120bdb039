package org.campusproctor.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server enforces the deadline without any client action: an attempt of a 4-second exam is expired by the
 * deadline sweep and scored with what was saved; a paused attempt's clock stands still.
 */
class TimedExpiryIT {

    @Test
    void serverExpiresAnAttemptAtItsDeadlineAndScoresWhatWasSaved() throws Exception {
        Client registrar = Client.demo("registrar");
        Client candidate = Scenario.newUser("candidate");
        JsonObject exam = Scenario.exam(registrar, 4, false, Scenario.shortTexts(2));
        String registration = Scenario.register(registrar, exam.getString("id"), candidate, null, 2);
        JsonObject attempt = Scenario.startedAttempt(candidate, registration);
        String id = attempt.getString("id");
        assertEquals(6, attempt.getJsonNumber("totalAllowedSeconds").longValue(), "4 s + 2 s extra time");
        String q0 = exam.getJsonArray("questions").getJsonObject(0).getString("id");
        candidate.expect(200, candidate.put("/api/attempts/" + id + "/answers/" + q0, Scenario.save(q0, "answer-0", "s1", 1)));

        JsonObject expired = awaitStatus(candidate, id, "EXPIRED", 60);
        assertEquals("deadline passed", expired.getString("endReason"));
        assertEquals("PENDING_REVIEW", expired.getString("reviewStatus"));
        // the score is staff reading until the result is released; unassigned attempts: staff by role
        JsonObject scored = registrar.expect(200, registrar.get("/api/attempts/" + id));
        assertEquals(new BigDecimal("1.00"), scored.getJsonNumber("score").bigDecimalValue(), "the saved answer counts");
        assertEquals(new BigDecimal("2.00"), scored.getJsonNumber("maxScore").bigDecimalValue());

        String q1 = exam.getJsonArray("questions").getJsonObject(1).getString("id");
        String error = candidate.expect(409, candidate.put("/api/attempts/" + id + "/answers/" + q1,
                Scenario.save(q1, "answer-1", "s2", 1))).getString("error");
        assertTrue(error.equals("NOT_ACCEPTING_ANSWERS") || error.equals("DEADLINE_PASSED"), error);
        assertEquals("ILLEGAL_TRANSITION", candidate.expect(409, candidate.post("/api/attempts/" + id + "/submit", null)).getString("error"));
        var timeline = Server.jsonArray(registrar.get("/api/attempts/" + id + "/timeline")); // unassigned: staff by role
        assertTrue(timeline.stream().anyMatch(t -> t.asJsonObject().getString("action").equals("EXPIRED")
                && t.asJsonObject().getString("actor").equals("system")), timeline.toString());
    }

    @Test
    void pausedTimeDoesNotCountTowardsTheDeadline() throws Exception {
        Client registrar = Client.demo("registrar");
        Client proctor = Scenario.newUser("proctor");
        Client candidate = Scenario.newUser("candidate");
        JsonObject exam = Scenario.exam(registrar, 5, false, Scenario.shortTexts(1));
        String registration = Scenario.register(registrar, exam.getString("id"), candidate, proctor, 0);
        String id = Scenario.startedAttempt(candidate, registration).getString("id");
        proctor.expect(200, proctor.post("/api/attempts/" + id + "/pause", Json.createObjectBuilder().add("reason", "ID re-check").build()));

        // Time passing is the behaviour under test, and nothing observable happens while it passes (that is the
        // point): a fixed wait, well past the 5-second deadline and longer than two sweeps, not a poll.
        Thread.sleep(9_000);
        JsonObject paused = candidate.expect(200, candidate.get("/api/attempts/" + id));
        assertEquals("PAUSED", paused.getString("status"), "a paused attempt does not expire");
        long remaining = paused.getJsonNumber("remainingSeconds").longValue();
        assertTrue(remaining >= 1 && remaining <= 5, "remaining " + remaining);

        JsonObject resumed = proctor.expect(200, proctor.post("/api/attempts/" + id + "/resume", null));
        assertTrue(resumed.getJsonNumber("pausedSeconds").longValue() >= 8, resumed.toString());
        JsonObject expired = awaitStatus(candidate, id, "EXPIRED", 60);
        assertEquals("EXPIRED", expired.getString("status"));
    }

    static JsonObject awaitStatus(Client client, String attemptId, String status, int seconds) throws Exception {
        return Eventually.await(Duration.ofSeconds(seconds), Duration.ofMillis(500),
                () -> client.expect(200, client.get("/api/attempts/" + attemptId)),
                view -> status.equals(view.getString("status")), "attempt " + attemptId + " " + status);
    }
}
