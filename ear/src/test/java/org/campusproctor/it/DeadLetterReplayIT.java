package org.campusproctor.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.campusproctor.contract.media.CraftedImages;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * An admin replays a dead letter: the parked frame goes back onto {@code frames}, is analysed again (and, still
 * corrupt, parked again under a new message id); the replayed message itself is gone from the dead-letter queue.
 */
class DeadLetterReplayIT {

    @Test
    void aParkedFrameIsReplayedOntoItsQueue() throws Exception {
        Scenario.Running attempt = Scenario.running(3600);
        Client admin = Scenario.admin();
        byte[] corrupt = CraftedImages.withoutQuantisationTables(TestImages.syntheticJpeg(320, 240));
        String mediaId = attempt.candidate().expect(202, attempt.candidate().upload("/api/attempts/" + attempt.attemptId()
                + "/frames", "image/jpeg", corrupt)).getString("mediaId");
        JsonObject parked = awaitParked(admin, mediaId, null);
        String first = parked.getString("jmsMessageId");

        assertEquals(404, admin.post("/api/admin/dead-letters/frames.dlq/ID:no-such-message/replay", null).statusCode());
        assertEquals(403, Client.demo("registrar").post("/api/admin/dead-letters/frames.dlq/" + first + "/replay", null)
                .statusCode());
        admin.expect(204, admin.post("/api/admin/dead-letters/frames.dlq/" + first + "/replay", null));
        JsonObject again = awaitParked(admin, mediaId, first);
        assertNotEquals(first, again.getString("jmsMessageId"), "parked again after its replay, as a new message");
        assertEquals(attempt.attemptId(), again.getString("attemptId"));
        assertEquals(404, admin.post("/api/admin/dead-letters/frames.dlq/" + first + "/replay", null).statusCode(),
                "a replayed message is no longer parked");
    }

    /** The frame's dead letter other than {@code except} (null: any), once it is parked. */
    private static JsonObject awaitParked(Client admin, String mediaId, String except) throws Exception {
        return Eventually.await(Duration.ofSeconds(90), Duration.ofMillis(500), () -> {
            JsonArray messages = Server.json(admin.get("/api/admin/dead-letters/frames.dlq?limit=1000")).getJsonArray("messages");
            JsonObject found = null;
            for (JsonValue v : messages) {
                JsonObject m = v.asJsonObject();
                if (mediaId.equals(m.getString("mediaId", null)) && !m.getString("jmsMessageId").equals(except)) {
                    found = m;
                }
            }
            return found;
        }, m -> m != null, "frame " + mediaId + " parked on frames.dlq");
    }
}
