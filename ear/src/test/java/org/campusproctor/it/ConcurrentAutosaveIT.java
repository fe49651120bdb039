package org.campusproctor.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many threads autosave the answers of one attempt at once, every save sent twice (a client retry). Every question
 * ends with exactly one answer, holding the highest acknowledged sequence: no acknowledged answer is lost, none is
 * duplicated, and an older save never overwrites a newer one.
 */
class ConcurrentAutosaveIT {

    static final int QUESTIONS = 8;
    static final int WRITERS_PER_QUESTION = 4;
    static final int SAVES_PER_WRITER = 6;

    @Test
    void concurrentRetriedAutosavesLoseAndDuplicateNothing() throws Exception {
        Client registrar = Client.demo("registrar");
        Client candidate = Scenario.newUser("candidate");
        JsonObject exam = Scenario.exam(registrar, 3600, false, Scenario.shortTexts(QUESTIONS));
        String registration = Scenario.register(registrar, exam.getString("id"), candidate, null, 0);
        String id = Scenario.startedAttempt(candidate, registration).getString("id");
        List<String> questions = exam.getJsonArray("questions").stream().map(q -> q.asJsonObject().getString("id")).toList();

        Map<String, Long> highestAcknowledged = new ConcurrentHashMap<>();
        AtomicInteger acknowledged = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> writers = new ArrayList<>();
        for (String question : questions) {
            for (int w = 0; w < WRITERS_PER_QUESTION; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < SAVES_PER_WRITER; i++) {
                        // writers of one question interleave their sequence numbers: 1..24
                        long sequence = (long) i * WRITERS_PER_QUESTION + writer + 1;
                        for (int retry = 0; retry < 2; retry++) {
                            HttpResponse<String> r = candidate.put("/api/attempts/" + id + "/answers/" + question,
                                    Scenario.save(question, "text " + sequence, question + "-" + sequence, sequence));
                            JsonObject receipt = candidate.expect(200, r);
                            String outcome = receipt.getString("outcome");
                            assertTrue(Map.of("APPLIED", 1, "DUPLICATE", 1, "STALE", 1).containsKey(outcome), outcome);
                            acknowledged.incrementAndGet();
                            highestAcknowledged.merge(question, sequence, Math::max);
                        }
                    }
                    return null;
                }));
            }
        }
        for (Future<?> f : writers) {
            f.get();
        }
        pool.shutdown();
        assertEquals(QUESTIONS * WRITERS_PER_QUESTION * SAVES_PER_WRITER * 2, acknowledged.get());

        JsonObject view = candidate.expect(200, candidate.get("/api/attempts/" + id));
        List<JsonObject> answers = view.getJsonArray("answers").stream().map(JsonValue::asJsonObject).toList();
        assertEquals(QUESTIONS, answers.size(), "one answer per question, no duplicates");
        for (JsonObject answer : answers) {
            long expected = highestAcknowledged.get(answer.getString("questionId"));
            assertEquals(WRITERS_PER_QUESTION * SAVES_PER_WRITER, expected);
            assertEquals(expected, answer.getJsonNumber("sequence").longValue(), "the newest acknowledged save wins");
            assertEquals("text " + expected, answer.getString("response"));
        }
    }
}
