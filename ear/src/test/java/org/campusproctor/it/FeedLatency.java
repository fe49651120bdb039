package org.campusproctor.it;

import jakarta.json.JsonObject;

import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Frame-to-dashboard latency: N candidates of one exam, assigned to the demo proctor, each upload one webcam frame a
 * second for S seconds (the clip's frontal face); the proctor's feed socket, as the live session page opens it,
 * records when each frame's analysis arrives. Reports the latency from the frame's capture (the server's receipt of
 * the upload) to the pushed event (median, p99), the time from the recorded analysis to the event (the push
 * alone), and how many never arrived. With {@code --tiles T} it then adds candidates up to T on the exam
 * and times the live session page with all T tiles on one page (server render and size). Loopback servers only.
 * {@code ear/src/test/load/feed-latency.sh --candidates 50 --seconds 30 [--tiles 200]}
 */
public final class FeedLatency {

    private FeedLatency() {
    }

    public static void main(String[] args) throws Exception {
        int candidates = 1;
        int seconds = 20;
        int tiles = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--candidates" -> candidates = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--tiles" -> tiles = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("usage: [--candidates N<=50] [--seconds S<=120] [--tiles T<=200]");
            }
        }
        if (candidates < 1 || candidates > 50 || seconds < 1 || seconds > 120 || tiles > 200) {
            throw new IllegalArgumentException("at most 50 candidates, 120 seconds, 200 tiles");
        }
        String host = URI.create(Server.BASE).getHost();
        if (!host.equals("localhost") && !host.startsWith("127.")) {
            throw new IllegalArgumentException("loopback servers only: " + Server.BASE);
        }
        Summary summary = measure(candidates, seconds);
        System.out.println(summary);
        if (tiles > 0) {
            System.out.println(renderTiles(summary.examId(), tiles - candidates));
        }
        System.exit(summary.lost() == 0 ? 0 : 1);
    }

    /**
     * What one run saw.
     *
     * @param toDashboard   capture (the server's receipt of the upload) to the event on the proctor's socket, sorted
     * @param afterRecording the recorded analysis ({@code analysedAt}) to the event on the socket: the push alone, sorted
     */
    record Summary(String examId, int candidates, int seconds, int accepted, Map<String, Integer> refused,
                   List<Long> toDashboard, List<Long> afterRecording, int lost) {

        long median() {
            return percentile(toDashboard, 50);
        }

        long medianAfterRecording() {
            return percentile(afterRecording, 50);
        }

        @Override
        public String toString() {
            return String.format("%s: %d candidates, one frame a second each for %d s: %d frames accepted, refused %s;"
                            + " capture -> proctor's feed: median %d ms, p99 %d ms, max %d ms (from the recorded analysis: median %d ms,"
                            + " p99 %d ms); never arrived within 2 minutes: %d", Server.BASE, candidates, seconds, accepted,
                    refused, median(), percentile(toDashboard, 99), toDashboard.isEmpty() ? -1 : toDashboard.get(toDashboard.size() - 1),
                    medianAfterRecording(), percentile(afterRecording, 99), lost);
        }
    }

    /** N fresh candidates assigned to the demo proctor upload a frame a second each for S seconds. */
    static Summary measure(int candidates, int seconds) throws Exception {
        Client registrar = Client.demo("registrar");
        Client proctor = Client.demo("proctor");
        String examId = Scenario.exam(registrar, 3600, false, Scenario.shortTexts(1)).getString("id");
        List<Scenario.Running> running = new ArrayList<>();
        for (int i = 0; i < candidates; i++) {
            running.add(candidate(registrar, examId));
        }
        Map<String, long[]> arrived = new ConcurrentHashMap<>(); // media id -> {arrival - capture, arrival}
        WebSocket socket = proctor.webSocket("/ws/proctor-feed", new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    long now = System.currentTimeMillis();
                    JsonObject event = Server.json(partial.toString());
                    partial.setLength(0);
                    if ("frame-analysed".equals(event.getString("type"))) {
                        JsonObject report = event.getJsonObject("detail");
                        arrived.putIfAbsent(event.getString("mediaId"), new long[]{
                                now - report.getJsonNumber("capturedAtMillis").longValue(), now});
                    }
                }
                ws.request(1);
                return null;
            }
        }).get(30, TimeUnit.SECONDS);

        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> refused = new ConcurrentHashMap<>();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(candidates);
        for (Scenario.Running r : running) {
            pool.submit(() -> {
                int n = 0;
                while (System.nanoTime() < until) {
                    long next = System.currentTimeMillis() + 1_000;
                    HttpResponse<String> response = r.candidate().upload("/api/attempts/" + r.attemptId() + "/frames",
                            "image/jpeg", ClipFrames.at((n++ % 80) * 0.0375)); // the clip's first three seconds: one face
                    if (response.statusCode() == 202) {
                        accepted.add(Server.json(response).getString("mediaId"));
                    } else {
                        String error = response.body().startsWith("{") ? " " + Server.json(response).getString("error", "") : "";
                        refused.merge(response.statusCode() + error, 1, Integer::sum);
                    }
                    Thread.sleep(Math.max(0, next - System.currentTimeMillis()));
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!arrived.keySet().containsAll(accepted) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        List<Long> total = new ArrayList<>();
        List<Long> afterRecording = new ArrayList<>();
        for (String id : accepted) {
            long[] seen = arrived.get(id);
            if (seen != null) {
                total.add(seen[0]);
                // the server's clock: the same machine (loopback only)
                java.time.Instant recorded = java.time.Instant.parse(proctor.expect(200,
                        proctor.get("/api/frames/" + id + "/analysis")).getString("analysedAt"));
                afterRecording.add(seen[1] - recorded.toEpochMilli());
            }
        }
        Collections.sort(total);
        Collections.sort(afterRecording);
        return new Summary(examId, candidates, seconds, accepted.size(), new java.util.TreeMap<>(refused), total,
                afterRecording, accepted.size() - total.size());
    }

    /** Adds candidates to the exam, then times the live session page with every tile on one page. */
    static String renderTiles(String examId, int more) throws Exception {
        Client registrar = Client.demo("registrar");
        Client proctor = Client.demo("proctor");
        for (int i = 0; i < more; i++) {
            candidate(registrar, examId);
        }
        String page = "/proctor/session.xhtml?exam=" + examId + "&rows=" + 200;
        proctor.get(page); // warm the view
        List<Long> renders = new ArrayList<>();
        String body = "";
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            body = proctor.get(page).body();
            renders.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
        Collections.sort(renders);
        return String.format("live session page with %d tiles on one page: server render median %d ms (of 5), %d KiB of HTML",
                body.split("class=\"cp-tile ", -1).length - 1, renders.get(2), body.length() / 1024);
    }

    private static Scenario.Running candidate(Client registrar, String examId) throws Exception {
        Client candidate = Scenario.newUser("candidate");
        String registration = Scenario.registerAssigned(registrar, examId, candidate, "proctor", 0);
        return new Scenario.Running(candidate, Scenario.startedAttempt(candidate, registration).getString("id"), null, registration);
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
