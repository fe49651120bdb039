package org.campusproctor.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The media-retention Jakarta Batch job runs to completion. Media stored within the last day is never purged (what
 * older media it keeps and purges: {@link HardeningMediaIT}).
 */
class MediaRetentionJobIT {

    @Test
    void retentionJobCompletesAndKeepsWhatIsNewerThanTheRetention() throws Exception {
        Scenario.Running attempt = Scenario.running(3600);
        HttpResponse<String> upload = attempt.candidate().upload("/api/attempts/" + attempt.attemptId() + "/frames",
                "image/jpeg", TestImages.syntheticJpeg(320, 240));
        assertEquals(202, upload.statusCode(), upload.body());
        String mediaId = Server.json(upload).getString("mediaId");

        // retentionDays=1, the shortest: the frame just uploaded is not old enough
        JsonObject execution = runToEnd(Client.demo("admin"), Json.createObjectBuilder().add("retentionDays", 1).build());
        assertEquals("COMPLETED", execution.getString("batchStatus"), execution.toString());
        String exit = execution.getString("exitStatus");
        assertTrue(exit.startsWith("PURGED:") && Integer.parseInt(exit.substring(7)) >= 0, exit);
        assertEquals(0, HardeningMediaIT.awaitAnalyses(java.util.List.of(mediaId), 60), "the frame and its analysis stay");
    }

    @Test
    void unknownJobIsRefused() throws Exception {
        assertEquals(404, Client.demo("registrar").post("/api/jobs/format-disk", null).statusCode());
    }

    /** Starts media-retention with the parameters and waits (at most a minute) until the execution has ended. */
    static JsonObject runToEnd(Client client, JsonObject parameters) throws Exception {
        HttpResponse<String> started = client.post("/api/jobs/media-retention", parameters);
        assertEquals(202, started.statusCode(), started.body());
        long id = Server.json(started).getJsonNumber("executionId").longValue();
        JsonObject execution = Eventually.await(Duration.ofSeconds(60), Duration.ofMillis(250),
                () -> Server.json(client.get("/api/jobs/executions/" + id)),
                e -> Set.of("COMPLETED", "FAILED", "ABANDONED").contains(e.getString("batchStatus")),
                "the end of job execution " + id);
        return execution;
    }
}
