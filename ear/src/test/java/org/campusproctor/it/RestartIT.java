package org.campusproctor.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server restart in the middle of an attempt loses no acknowledged answer. The restart is WildFly's {@code :reload}
 * through the management interface (jboss-cli with local authentication, no management user needed): it stops and
 * restarts every service and the deployment (EntityManagerFactory, sessions, timers) in the same JVM, so everything
 * the test sees afterwards is read back from the database. An attempt whose deadline passes while the server is down
 * is expired by the first sweep after the restart.
 */
class RestartIT {

    @Test
    void acknowledgedAnswersSurviveARestartAndTheDeadlineIsStillEnforced() throws Exception {
        Client registrar = Client.demo("registrar");
        Client candidate = Scenario.newUser("candidate");
        String username = candidate.username;
        JsonObject exam = Scenario.exam(registrar, 3600, false, Scenario.shortTexts(3));
        String id = Scenario.startedAttempt(candidate, Scenario.register(registrar, exam.getString("id"), candidate, null, 0)).getString("id");
        List<String> questions = exam.getJsonArray("questions").stream().map(q -> q.asJsonObject().getString("id")).toList();
        for (int i = 0; i < 2; i++) {
            String q = questions.get(i);
            candidate.expect(200, candidate.put("/api/attempts/" + id + "/answers/" + q, Scenario.save(q, "answer-" + i, "s" + i, 1)));
        }
        // a second, short attempt whose deadline passes while the server restarts
        Client hurried = Scenario.newUser("candidate");
        JsonObject shortExam = Scenario.exam(registrar, 8, false, Scenario.shortTexts(1));
        String shortId = Scenario.startedAttempt(hurried, Scenario.register(registrar, shortExam.getString("id"), hurried, null, 0)).getString("id");
        String shortQ = shortExam.getJsonArray("questions").getJsonObject(0).getString("id");
        hurried.expect(200, hurried.put("/api/attempts/" + shortId + "/answers/" + shortQ, Scenario.save(shortQ, "answer-0", "h1", 1)));

        reloadServer();

        assertEquals(401, candidate.get("/api/attempts/" + id).statusCode(), "sessions do not survive a restart");
        Scenario.forgetSessions();
        Client again = Client.login(username, Client.IT_PASSWORD);
        JsonObject view = again.expect(200, again.get("/api/attempts/" + id));
        assertEquals("IN_PROGRESS", view.getString("status"));
        Map<String, String> saved = view.getJsonArray("answers").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(a -> a.getString("questionId"), a -> a.getString("response")));
        assertEquals(Map.of(questions.get(0), "answer-0", questions.get(1), "answer-1"), saved);

        String q2 = questions.get(2);
        again.expect(200, again.put("/api/attempts/" + id + "/answers/" + q2, Scenario.save(q2, "answer-2", "s2", 1)));
        again.expect(200, again.post("/api/attempts/" + id + "/submit", null));
        Client staff = Client.demo("registrar"); // scores are staff reading until released; unassigned: by role
        assertEquals(new java.math.BigDecimal("3.00"), staff.expect(200, staff.get("/api/attempts/" + id)).getJsonNumber("score").bigDecimalValue());

        Client hurriedAgain = Client.login(hurried.username, Client.IT_PASSWORD);
        TimedExpiryIT.awaitStatus(hurriedAgain, shortId, "EXPIRED", 60);
        assertEquals(new java.math.BigDecimal("1.00"), staff.expect(200, staff.get("/api/attempts/" + shortId)).getJsonNumber("score").bigDecimalValue());
    }

    static void reloadServer() throws Exception {
        String home = System.getProperty("it.server.home");
        String port = System.getProperty("it.management.port", "10090");
        // a session of the running application: the restarted one no longer knows it
        Client before = Client.demo("proctor");
        Path log = Files.createTempFile("reload", ".log");
        Process cli = new ProcessBuilder(home + File.separator + "bin" + File.separator + "jboss-cli.sh",
                "--connect", "--controller=localhost:" + port, "--command=:reload")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(cli.waitFor(120, TimeUnit.SECONDS), "jboss-cli did not finish");
        String output = Files.readString(log);
        assertEquals(0, cli.exitValue(), output);
        assertTrue(output.contains("success"), output);
        // :reload answers before the server has even gone down: wait until the application is up again and it is the
        // restarted one that answers (the session opened before the reload is unknown to it)
        Eventually.await(Duration.ofSeconds(240), Duration.ofMillis(500), () -> applicationState(before),
                "restarted"::equals, "CampusProctor back after :reload");
    }

    /** "down", "up, session from before the reload still valid" or "restarted". */
    private static String applicationState(Client sessionFromBefore) throws InterruptedException {
        try {
            HttpResponse<String> status = Server.get("/api/system/status");
            if (status.statusCode() != 200) {
                return "down: status " + status.statusCode();
            }
            int session = sessionFromBefore.get("/api/session").statusCode();
            return session == 401 ? "restarted" : "up, session from before the reload answered " + session;
        } catch (java.io.IOException e) {
            return "down: " + e; // not listening yet
        }
    }
}
