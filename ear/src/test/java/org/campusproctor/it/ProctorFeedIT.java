package org.campusproctor.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.campusproctor.it.StaffScopingIT.await;
import static org.campusproctor.it.StaffScopingIT.collect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The push path of the proctor screens: a frame's analysis (from vision-results) and a proctor's action reach the
 * socket of the attempt's assigned proctor, numbered, and no other proctor's; a socket reopened with the last event it
 * saw receives what it missed, in order, before anything new; one that cannot be served is told to reload.
 */
class ProctorFeedIT {

    @Test
    void theAssignedProctorGetsTheAnalysisAndCatchesUpAfterAReconnect() throws Exception {
        Client registrar = Client.demo("registrar");
        Client proctor = Scenario.newUser("proctor");
        Client otherProctor = Scenario.newUser("proctor");
        Client candidate = Scenario.newUser("candidate");
        String examId = Scenario.exam(registrar, 3600, false, Scenario.shortTexts(1)).getString("id");
        String attemptId = Scenario.startedAttempt(candidate, Scenario.register(registrar, examId, candidate, proctor, 0)).getString("id");
        String frames = "/api/attempts/" + attemptId + "/frames";

        List<JsonObject> mine = new CopyOnWriteArrayList<>();
        List<JsonObject> others = new CopyOnWriteArrayList<>();
        WebSocket mySocket = proctor.webSocket("/ws/proctor-feed", collect(mine)).get(30, TimeUnit.SECONDS);
        WebSocket otherSocket = otherProctor.webSocket("/ws/proctor-feed", collect(others)).get(30, TimeUnit.SECONDS);
        JsonObject hello = await(mine, e -> "hello".equals(e.getString("type")), 10);
        assertNotNull(hello, "every socket starts with the epoch and the last id");
        String epoch = hello.getString("epoch");

        String first = candidate.expect(202, candidate.upload(frames, "image/jpeg", TestImages.syntheticJpeg(320, 240)))
                .getString("mediaId");
        JsonObject analysed = await(mine, e -> first.equals(e.getString("mediaId", null)), 90);
        assertNotNull(analysed, "the assigned proctor gets the analysis");
        assertEquals("frame-analysed", analysed.getString("type"));
        long seen = analysed.getJsonNumber("id").longValue();
        assertTrue(seen > hello.getJsonNumber("lastId").longValue(), "events are numbered after the hello");
        otherSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done");

        // the page loses its socket; meanwhile the proctor acts and another frame is analysed
        mySocket.sendClose(WebSocket.NORMAL_CLOSURE, "network gone").get(10, TimeUnit.SECONDS);
        proctor.expect(200, proctor.post("/api/attempts/" + attemptId + "/messages",
                Json.createObjectBuilder().add("text", "Please face the camera").build()));
        String second = candidate.expect(202, candidate.upload(frames, "image/jpeg", TestImages.syntheticJpeg(320, 240)))
                .getString("mediaId");
        Eventually.await(Duration.ofSeconds(90), Duration.ofMillis(200),
                () -> proctor.get("/api/frames/" + second + "/analysis").statusCode(), s -> s == 200, "the second analysis");

        List<JsonObject> caughtUp = new CopyOnWriteArrayList<>();
        WebSocket reopened = proctor.webSocket("/ws/proctor-feed?epoch=" + epoch + "&after=" + seen, collect(caughtUp))
                .get(30, TimeUnit.SECONDS);
        List<JsonObject> stolen = new CopyOnWriteArrayList<>();
        WebSocket thief = otherProctor.webSocket("/ws/proctor-feed?epoch=" + epoch + "&after=0", collect(stolen))
                .get(30, TimeUnit.SECONDS);
        List<JsonObject> stale = new CopyOnWriteArrayList<>();
        WebSocket restarted = proctor.webSocket("/ws/proctor-feed?epoch=another&after=" + seen, collect(stale))
                .get(30, TimeUnit.SECONDS);
        try {
            assertNotNull(await(caughtUp, e -> "hello".equals(e.getString("type")), 10));
            List<JsonObject> missed = caughtUp.subList(0, caughtUp.indexOf(await(caughtUp, e -> "hello".equals(e.getString("type")), 0)));
            assertTrue(missed.stream().anyMatch(e -> "MESSAGED".equals(e.getString("action", null))), "the missed message: " + missed);
            assertTrue(missed.stream().anyMatch(e -> second.equals(e.getString("mediaId", null))), "the missed frame: " + missed);
            List<Long> ids = missed.stream().map(e -> e.getJsonNumber("id").longValue()).toList();
            assertEquals(ids.stream().sorted().distinct().toList(), ids, "in order, once each");
            assertTrue(ids.get(0) > seen, "nothing seen before is sent again");
            assertTrue(missed.stream().allMatch(e -> attemptId.equals(e.getString("attemptId", null))), "only this proctor's");

            assertNotNull(await(stolen, e -> "hello".equals(e.getString("type")), 10));
            assertEquals(List.of(), stolen.stream().filter(e -> attemptId.equals(e.getString("attemptId", null))).toList(),
                    "catching up shows another proctor nothing of attempts not assigned to them");
            assertEquals(List.of(), others.stream().filter(e -> attemptId.equals(e.getString("attemptId", null))).toList());

            assertNotNull(await(stale, e -> "reload".equals(e.getString("type")), 10), "an unknown epoch means: read again");
        } finally {
            for (WebSocket socket : List.of(reopened, thief, restarted)) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
            }
        }
    }
}
