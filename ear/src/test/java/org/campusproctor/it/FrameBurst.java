package org.campusproctor.it;

import jakarta.json.JsonObject;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded load generator for frame intake: N candidates of one exam upload a webcam photograph (480x640, 72 KB;
 * {@code --image} for another, relative to the ear module) as fast as they can for S seconds (at most 50 candidates, 120 seconds, loopback servers only), then it waits (at most three
 * minutes) for the analyses and reports accepted and refused uploads, the backlog it saw and the latency from the
 * upload's acknowledgement to the recorded analysis. Run against a server with demo accounts (quick start or a test
 * server): {@code ear/src/test/load/frame-burst.sh --candidates 20 --seconds 30}.
 * <p>
 * With {@code --honour-retry-after} a refused client waits as the 429 tells it; by default it retries at once.
 */
public final class FrameBurst {

    private FrameBurst() {
    }

    public static void main(String[] args) throws Exception {
        int candidates = 20;
        int seconds = 30;
        boolean honour = false;
        String image = "../weights/testdata/images/single_frontal/live_webcam_like_silentface_T1_upright.jpg";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--candidates" -> candidates = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--honour-retry-after" -> honour = true;
                case "--image" -> image = args[++i];
                default -> throw new IllegalArgumentException(
                        "usage: [--candidates N<=50] [--seconds S<=120] [--image JPEG/PNG] [--honour-retry-after]");
            }
        }
        if (candidates < 1 || candidates > 50 || seconds < 1 || seconds > 120) {
            throw new IllegalArgumentException("at most 50 candidates and 120 seconds");
        }
        String host = URI.create(Server.BASE).getHost();
        if (!host.equals("localhost") && !host.startsWith("127.")) {
            throw new IllegalArgumentException("loopback servers only: " + Server.BASE);
        }
        byte[] frame = TestImages.file(image);

        System.out.printf("%s: %d candidates upload a %d-byte frame as fast as they can for %d s%s%n", Server.BASE,
                candidates, frame.length, seconds, honour ? " (honouring Retry-After)" : "");
        Client registrar = Client.demo("registrar");
        JsonObject exam = Scenario.exam(registrar, 3600, false, Scenario.shortTexts(1));
        List<Scenario.Running> running = new ArrayList<>();
        for (int i = 0; i < candidates; i++) {
            Client candidate = Scenario.newUser("candidate");
            String registration = Scenario.register(registrar, exam.getString("id"), candidate, null, 0);
            running.add(new Scenario.Running(candidate, Scenario.startedAttempt(candidate, registration).getString("id"),
                    exam, registration));
        }

        Map<String, Long> acknowledgedAt = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicLong peakBacklog = new AtomicLong();
        long start = System.nanoTime();
        long until = start + TimeUnit.SECONDS.toNanos(seconds);
        boolean waitAsTold = honour;
        ExecutorService pool = Executors.newFixedThreadPool(candidates + 1);
        pool.submit(() -> {
            while (System.nanoTime() < until) {
                peakBacklog.accumulateAndGet(backlog(), Math::max);
                Thread.sleep(500);
            }
            return null;
        });
        for (Scenario.Running r : running) {
            pool.submit(() -> {
                while (System.nanoTime() < until) {
                    HttpResponse<String> response = r.candidate().upload("/api/attempts/" + r.attemptId() + "/frames",
                            "image/jpeg", frame);
                    String outcome = String.valueOf(response.statusCode());
                    if (response.statusCode() == 202) {
                        acknowledgedAt.put(Server.json(response).getString("mediaId"), System.currentTimeMillis());
                    } else if (response.statusCode() == 429) {
                        JsonObject body = Server.json(response);
                        outcome += " " + body.getString("error");
                        if (waitAsTold) {
                            Thread.sleep(body.getJsonNumber("retryAfterMillis").longValue());
                        }
                    }
                    statuses.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        double uploadSeconds = (System.nanoTime() - start) / 1e9;

        Client proctor = Client.demo("proctor");
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<String> waiting = new ArrayList<>(acknowledgedAt.keySet());
        Instant firstAck = Instant.ofEpochMilli(acknowledgedAt.values().stream().min(Long::compare).orElse(0L));
        Instant lastAnalysis = firstAck;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            for (var it = waiting.iterator(); it.hasNext(); ) {
                String id = it.next();
                HttpResponse<String> analysis = proctor.get("/api/frames/" + id + "/analysis");
                if (analysis.statusCode() == 200) {
                    Instant analysedAt = Instant.parse(Server.json(analysis).getString("analysedAt"));
                    latencies.add(analysedAt.toEpochMilli() - acknowledgedAt.get(id));
                    lastAnalysis = analysedAt.isAfter(lastAnalysis) ? analysedAt : lastAnalysis;
                    it.remove();
                }
            }
            if (!waiting.isEmpty()) {
                Thread.sleep(1_000);
            }
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        int accepted = acknowledgedAt.size();
        System.out.printf("uploads: %s%n", new java.util.TreeMap<>(statuses));
        System.out.printf("accepted %d frames in %.1f s (%.1f frames/s); peak backlog %d%n", accepted, uploadSeconds,
                accepted / uploadSeconds, peakBacklog.get());
        System.out.printf("analysed %d of %d (%.1f frames/s from the first acknowledgement to the last analysis); "
                        + "not analysed within 3 minutes: %d%n", sorted.size(), accepted,
                sorted.size() / Math.max(0.001, (lastAnalysis.toEpochMilli() - firstAck.toEpochMilli()) / 1000.0),
                waiting.size());
        if (!sorted.isEmpty()) {
            System.out.printf("upload->analysis latency: p50 %d ms, p99 %d ms, max %d ms%n", percentile(sorted, 50),
                    percentile(sorted, 99), sorted.get(sorted.size() - 1));
        }
        System.exit(waiting.isEmpty() ? 0 : 1);
    }

    private static long backlog() {
        try {
            return Server.json(Server.get("/api/system/status")).getJsonObject("frameBacklog")
                    .getJsonNumber("awaitingAnalysis").longValue();
        } catch (Exception e) {
            return -1;
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
