package org.campusproctor.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An enrolment import whose server is killed (SIGKILL) in the middle: the JDBC job repository keeps the execution,
 * left STARTED, and its last checkpoint; after the server is started again the registrar restarts it, and it goes
 * on from that checkpoint. In the end the accounts and registrations are exactly the CSV's good rows, the bad ones
 * are each reported once, and the restarted execution read only the rows after the checkpoint. A dedicated server
 * like {@link CrashRecoveryIT}'s (a copy of the H2 test server, in its own directory).
 */
class BatchCrashRestartIT {

    // CrashRecoveryIT's port offset: its DedicatedServer waits for that port; the two never run at once (one class at a
    // time, each stops its server when done)
    private static final int OFFSET = Integer.getInteger("it.crash.offset", 300);
    private static final String BASE = "http://localhost:" + (8080 + OFFSET) + "/campusproctor";
    private static final int ROWS = 4000;
    private static final int BAD_EVERY = 100;

    private static CrashRecoveryIT.DedicatedServer server;

    @BeforeAll
    static void startDedicatedServer() throws Exception {
        assumeTrue(Server.DB.equals("h2"), "the dedicated server is an H2 one: it runs once, with the H2 execution");
        assumeTrue(System.getProperty("it.server.home") != null, "it copies a WildFly installation: not on Payara");
        server = new CrashRecoveryIT.DedicatedServer(Path.of(System.getProperty("it.server.home")), "batch-crash", OFFSET);
        server.start();
    }

    @AfterAll
    static void stopDedicatedServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void anImportCutShortByAKilledServerRestartsFromItsCheckpoint() throws Exception {
        Client registrar = Client.login(BASE, "registrar", "demo-registrar");
        String exam = Scenario.exam(registrar, 3600, false, Scenario.shortTexts(1)).getString("id");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        StringBuilder csv = new StringBuilder("username,displayName,exam\n");
        int bad = 0;
        for (int i = 0; i < ROWS; i++) {
            if (i % BAD_EVERY == 7) {
                csv.append("crash-").append(tag).append("-").append(i).append(",Bad,no-such-exam\n");
                bad++;
            } else {
                csv.append("crash-").append(tag).append("-").append(i).append(",Candidate ").append(i).append(',')
                        .append(exam).append('\n');
            }
        }
        int good = ROWS - bad;
        String csvId = BatchJobsIT.upload(registrar, "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        // small chunks: many checkpoints, and an import slow enough to be cut in the middle
        long id = registrar.expect(202, registrar.post("/api/jobs/enrolment-import", Json.createObjectBuilder()
                .add("csvFile", csvId).add("chunkSize", 10).build())).getJsonNumber("executionId").longValue();
        Eventually.await(Duration.ofSeconds(180), Duration.ofMillis(50),
                () -> Server.json(registrar.get("/api/jobs/executions/" + id)),
                e -> !e.getJsonArray("steps").isEmpty() && done(e) >= 300, "300 rows imported");

        server.kill();
        server.start();

        Client again = Client.login(BASE, "registrar", "demo-registrar");
        JsonObject left = again.expect(200, again.get("/api/jobs/executions/" + id));
        assertEquals("STARTED", left.getString("batchStatus"), "the killed execution is kept as it was: " + left);
        long checkpoint = done(left);
        assertTrue(checkpoint >= 300 && checkpoint < ROWS, "cut in the middle, at a checkpoint: " + left);

        long restarted = again.expect(202, again.post("/api/jobs/executions/" + id + "/restart", null))
                .getJsonNumber("executionId").longValue();
        JsonObject end = BatchJobsIT.awaitEnd(again, restarted, 600);
        assertEquals("COMPLETED", end.getString("batchStatus"), end.toString());
        JsonObject step = end.getJsonArray("steps").getJsonObject(0);
        assertEquals(ROWS, step.getJsonNumber("done").longValue(), end.toString());
        assertEquals(ROWS - checkpoint, step.getJsonNumber("readCount").longValue(),
                "the restart read on from the checkpoint, not from the first row: " + end);
        Map<String, Long> counts = BatchJobsIT.counts(end);
        assertEquals(good, counts.get("accountsCreated"), end.toString());
        assertEquals(good, counts.get("registrationsCreated"), end.toString());
        assertEquals(0, counts.get("unchanged"), "no row applied twice: " + end);
        assertEquals(bad, counts.get("rejected"), end.toString());
        assertEquals(bad, end.getJsonNumber("rejected").longValue(), "each bad row reported once: " + end);

        assertEquals(good, again.expect(200, again.get("/api/exams/" + exam + "/registrations?size=1"))
                .getJsonNumber("total").longValue(), "exactly the good rows' registrations");
        Client admin = Client.login(BASE, "admin", "demo-admin");
        assertEquals(good, admin.expect(200, admin.get("/api/accounts?query=crash-" + tag + "&size=1"))
                .getJsonNumber("total").longValue(), "exactly the good rows' accounts");
        System.out.printf("BatchCrashRestartIT: killed at checkpoint %d of %d rows; the restart read %d rows%n",
                checkpoint, ROWS, step.getJsonNumber("readCount").longValue());
    }

    private static long done(JsonObject execution) {
        return execution.getJsonArray("steps").getJsonObject(0).getJsonNumber("done").longValue();
    }
}
