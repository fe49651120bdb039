package org.campusproctor.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The media-retention Jakarta Batch job runs to completion and purges what is older than the retention period. */
class MediaRetentionJobIT {

    @Test
    void retentionJobCompletesAndPurgesExpiredFrames() throws Exception {
        Scenario.Running attempt = Scenario.running(3600);
        HttpResponse<String> upload = attempt.candidate().upload("/api/attempts/" + attempt.attemptId() + "/frames",
                "image/jpeg", TestImages.syntheticJpeg(320, 240));
        assertEquals(202, upload.statusCode(), upload.body());

        // retentionDays=0: everything stored before now is expired, including the frame just uploaded.
        Client admin = Client.demo("admin");
        HttpResponse<String> started = admin.post("/api/jobs/media-retention?retentionDays=0", null);
        assertEquals(202, started.statusCode(), started.body());
        long id = Server.json(started).getJsonNumber("executionId").longValue();

        JsonObject execution = Eventually.await(Duration.ofSeconds(60), Duration.ofMillis(250),
                () -> Server.json(admin.get("/api/jobs/executions/" + id)),
                e -> Set.of("COMPLETED", "FAILED", "ABANDONED").contains(e.getString("batchStatus")),
                "the end of job execution " + id);
        assertEquals("COMPLETED", execution.getString("batchStatus"), execution.toString());
        String exit = execution.getString("exitStatus");
        assertTrue(exit.startsWith("PURGED:") && Integer.parseInt(exit.substring(7)) >= 1, exit);
    }

    @Test
    void unknownJobIsRefused() throws Exception {
        assertEquals(404, Client.demo("registrar").post("/api/jobs/format-disk", null).statusCode());
    }
}
