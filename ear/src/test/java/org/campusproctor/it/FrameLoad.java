package org.campusproctor.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load generator of the whole frame path: upload (HTTP ingest, media store, {@code frames} queue) → vision worker
 * → incident rules → {@code vision-results} → recorded → pushed on the proctors' {@code /ws/proctor-feed}.
 * <p>
 * With an administrator account it creates (or reuses, resetting their password) N candidate and P proctor accounts
 * named after {@code --prefix}, creates and publishes a one-question exam, registers the candidates (assigned to the
 * proctors in turn), logs everybody in and starts the attempts. The proctors open their feed sockets. Then every
 * candidate uploads the frames of the test clip (its scenes in turn: one face, nobody, two faces), either open loop
 * (one frame every {@code --interval} seconds with {@code --jitter}, the way the exam page sends them) or closed loop
 * (the next frame as soon as one is accepted), honouring 429 and its wait. It reports frames accepted per second,
 * analysed and pushed per second, the latency from the start of each upload to its event on a proctor's socket
 * (p50/p90/p99/max), the 429s, the backlog the server reported, the frames lost (accepted but never pushed within
 * {@code --grace} seconds) and which pipeline stages ran per frame and attempt. With {@code --thumbnails} the proctors
 * fetch each pushed frame's tile image, as the live session page does. The attempts are submitted at the end
 * ({@code --keep-running}: left running until the exam's duration, ten minutes after the run). The run is bounded: explicit {@code --candidates} (at most 1000) and {@code --seconds} (at most 1800).
 * <p>
 * {@code ear/src/test/load/frame-load.sh --url https://exams.example.edu/campusproctor --admin admin
 * --candidates 300 --seconds 120 --interval 2} (the administrator's password from {@code CAMPUSPROCTOR_ADMIN_PASSWORD};
 * {@code demo-admin} against the quick start). Writes {@code frame-load-<time>.json} and {@code .md} to {@code --out}.
 */
public final class FrameLoad {

    static final int MAX_CANDIDATES = 1000;
    static final int MAX_SECONDS = 1800;

    private FrameLoad() {
    }

    /** What to run; see the class comment and {@link #usage()}. */
    record Options(String base, String admin, String adminPassword, String prefix, int candidates, int proctors,
                   int seconds, double intervalSeconds, double jitter, boolean closedLoop, int graceSeconds, Path out,
                   boolean thumbnails, boolean keepRunning) {

        Options {
            if (candidates < 1 || candidates > MAX_CANDIDATES || seconds < 1 || seconds > MAX_SECONDS) {
                throw new IllegalArgumentException("1.." + MAX_CANDIDATES + " candidates and 1.." + MAX_SECONDS + " seconds");
            }
            if (proctors < 1 || proctors > candidates || intervalSeconds < 0.1 || jitter < 0 || jitter >= 1
                    || graceSeconds < 1 || graceSeconds > 600 || !prefix.matches("[A-Za-z0-9._-]{1,40}")) {
                throw new IllegalArgumentException("1..candidates proctors, an interval of 0.1 s or more, a jitter in [0, 1),"
                        + " 1..600 s of grace, a prefix of letters, digits, '.', '_', '-'");
            }
        }

        String mode() {
            return closedLoop ? "closed loop (the next frame once one is accepted)"
                    : String.format(Locale.ROOT, "open loop, one frame every %.2f s per candidate (jitter ±%.0f%%)",
                    intervalSeconds, jitter * 100);
        }
    }

    /** Latency figures in milliseconds (-1: no sample). */
    record Latency(int samples, long p50, long p90, long p99, long max) {

        static Latency of(List<Long> values) {
            List<Long> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            return new Latency(sorted.size(), percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                    sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1));
        }

        JsonObject json() {
            return Json.createObjectBuilder().add("samples", samples).add("p50", p50).add("p90", p90).add("p99", p99)
                    .add("max", max).build();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "p50 %d ms, p90 %d ms, p99 %d ms, max %d ms (%d frames)", p50, p90, p99, max,
                    samples);
        }
    }

    /**
     * What one run saw.
     *
     * @param uploadToProctor the start of the upload to its event on a proctor's socket
     * @param recordedToProctor the recorded analysis ({@code analysedAt}, server clock) to the event: the push alone;
     *                          measured on a sample of frames, only where the server runs on this machine
     * @param stageShare        per pipeline stage, the share of pushed frames it ran on
     * @param stageShareLowest  per stage, the lowest share over the attempts (an attempt the scheduler starved)
     */
    record Report(String base, String examId, Options options, Instant started, double uploadSeconds, int offered,
                  int accepted, Map<String, Integer> refused, int errors, double acceptedPerSecond, int pushed,
                  double analysedPerSecond, Latency uploadToProctor, Latency recordedToProctor, int lost,
                  long peakBacklog, int maxPending, Map<String, Double> stageShare, Map<String, Double> stageShareLowest,
                  Latency thumbnail, int thumbnailFailures, String loadAverageBefore, String loadAverageAfter,
                  double setupSeconds) {

        int refusedTotal() {
            return refused.values().stream().mapToInt(Integer::intValue).sum();
        }

        JsonObject json() {
            JsonObjectBuilder refusedJson = Json.createObjectBuilder();
            refused.forEach(refusedJson::add);
            JsonObjectBuilder stages = Json.createObjectBuilder();
            stageShare.forEach((stage, share) -> stages.add(stage, Json.createObjectBuilder().add("shareOfFrames", share)
                    .add("lowestShareOfAnAttempt", stageShareLowest.getOrDefault(stage, 0.0))));
            return Json.createObjectBuilder().add("server", base).add("exam", examId).add("started", started.toString())
                    .add("candidates", options.candidates()).add("proctors", options.proctors())
                    .add("mode", options.closedLoop() ? "closed" : "open")
                    .add("intervalSeconds", options.intervalSeconds()).add("jitter", options.jitter())
                    .add("seconds", options.seconds()).add("graceSeconds", options.graceSeconds())
                    .add("setupSeconds", round(setupSeconds))
                    .add("uploadSeconds", round(uploadSeconds)).add("offered", offered).add("accepted", accepted)
                    .add("refused", refusedJson).add("refusedTotal", refusedTotal()).add("errors", errors)
                    .add("acceptedPerSecond", round(acceptedPerSecond)).add("pushed", pushed)
                    .add("analysedPerSecond", round(analysedPerSecond)).add("lost", lost)
                    .add("uploadToProctorMillis", uploadToProctor.json())
                    .add("recordedToProctorMillis", recordedToProctor.json())
                    .add("peakBacklog", peakBacklog).add("maxPending", maxPending).add("stages", stages)
                    .add("thumbnails", options.thumbnails()).add("thumbnailMillis", thumbnail.json())
                    .add("thumbnailFailures", thumbnailFailures)
                    .add("loadAverageBefore", loadAverageBefore).add("loadAverageAfter", loadAverageAfter).build();
        }

        String markdown() {
            StringBuilder md = new StringBuilder();
            md.append("# Frame load ").append(started).append("\n\n")
                    .append("Server `").append(base).append("`, exam `").append(examId).append("`: ")
                    .append(options.candidates()).append(" candidates, ").append(options.proctors())
                    .append(" proctor(s), ").append(options.mode()).append(", for ").append(options.seconds())
                    .append(" s (grace ").append(options.graceSeconds()).append(" s).\n\n")
                    .append("| figure | value |\n|---|---|\n")
                    .append(row("setup before the measured window (accounts, logins, attempts started)",
                            String.format(Locale.ROOT, "%.1f s", setupSeconds)))
                    .append(row("uploads offered", Integer.toString(offered)))
                    .append(row("accepted", String.format(Locale.ROOT, "%d (%.1f frames/s)", accepted, acceptedPerSecond)))
                    .append(row("refused (429)", refusedTotal() + " " + refused))
                    .append(row("other errors", Integer.toString(errors)))
                    .append(row("analysed and pushed", String.format(Locale.ROOT, "%d (%.1f frames/s)", pushed, analysedPerSecond)))
                    .append(row("lost (accepted, never pushed)", Integer.toString(lost)))
                    .append(row("upload start → proctor's socket", uploadToProctor.toString()))
                    .append(row("recorded → proctor's socket", recordedToProctor.toString()))
                    .append(row("peak backlog (429 from)", peakBacklog + " (" + maxPending + ")"))
                    .append(row("tile image per pushed frame", options.thumbnails() ? thumbnail + ", failed "
                            + thumbnailFailures : "not fetched"))
                    .append(row("load average before / after", loadAverageBefore + " / " + loadAverageAfter))
                    .append("\n| stage | share of frames | lowest share of an attempt |\n|---|---|---|\n");
            stageShare.forEach((stage, share) -> md.append(String.format(Locale.ROOT, "| %s | %.0f%% | %.0f%% |%n", stage,
                    share * 100, stageShareLowest.getOrDefault(stage, 0.0) * 100)));
            return md.toString();
        }

        private static String row(String name, String value) {
            return "| " + name + " | " + value + " |\n";
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, """
                            %s: %d candidates, %s, %d s
                              setup before the measured window (accounts, logins, attempts started): %.1f s
                              accepted %d of %d uploads (%.1f frames/s); refused %d %s; other errors %d
                              analysed and pushed %d (%.1f frames/s); lost (never pushed within %d s): %d
                              upload start -> proctor's socket: %s
                              recorded analysis -> proctor's socket: %s
                              peak backlog %d (429 from %d); load average %s -> %s
                              tile image per pushed frame: %s
                              stages (share of frames, lowest of an attempt): %s""",
                    base, options.candidates(), options.mode(), options.seconds(), setupSeconds, accepted, offered,
                    acceptedPerSecond,
                    refusedTotal(), refused, errors, pushed, analysedPerSecond, options.graceSeconds(), lost,
                    uploadToProctor, recordedToProctor, peakBacklog, maxPending, loadAverageBefore, loadAverageAfter,
                    options.thumbnails() ? thumbnail + ", failed " + thumbnailFailures : "not fetched", stagesLine());
        }

        private String stagesLine() {
            StringBuilder s = new StringBuilder();
            stageShare.forEach((stage, share) -> s.append(String.format(Locale.ROOT, "%s %.0f%%/%.0f%% ", stage,
                    share * 100, stageShareLowest.getOrDefault(stage, 0.0) * 100)));
            return s.toString().trim();
        }
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = parse(args);
        } catch (RuntimeException e) {
            System.err.println("frame-load: " + e.getMessage() + "\n" + usage());
            System.exit(2);
            return;
        }
        Report report;
        try {
            report = run(options);
        } catch (Exception | AssertionError e) { // the generator's own threads must not keep a failed run alive
            e.printStackTrace();
            System.exit(1);
            return;
        }
        System.out.println(report);
        Files.createDirectories(options.out());
        String name = "frame-load-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(java.time.ZoneOffset.UTC)
                .format(report.started());
        Files.writeString(options.out().resolve(name + ".json"), report.json().toString() + "\n");
        Files.writeString(options.out().resolve(name + ".md"), report.markdown());
        System.out.println("report: " + options.out().resolve(name + ".json") + " and .md");
        System.exit(report.lost() == 0 && report.errors() == 0 ? 0 : 1);
    }

    static String usage() {
        return """
                usage: frame-load.sh --url BASE --candidates N (<= 1000) --seconds S (<= 1800)
                         [--interval SECONDS (2)] [--jitter FRACTION (0.2)] [--closed-loop] [--proctors P (1)]
                         [--admin USERNAME (admin)] [--prefix ACCOUNT-PREFIX (load)] [--grace SECONDS (60)]
                         [--out DIR (target/load)] [--thumbnails] [--keep-running] [--allow-remote]
                the administrator's password: environment CAMPUSPROCTOR_ADMIN_PASSWORD (default demo-admin)""";
    }

    static Options parse(String[] args) {
        String base = Server.BASE;
        String admin = "admin";
        String prefix = "load";
        Integer candidates = null;
        Integer seconds = null;
        int proctors = 1;
        double interval = 2;
        double jitter = 0.2;
        boolean closed = false;
        boolean remote = false;
        boolean thumbnails = false;
        boolean keepRunning = false;
        int grace = 60;
        Path out = Path.of("target/load");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> base = args[++i].replaceFirst("/+$", "");
                case "--admin" -> admin = args[++i];
                case "--prefix" -> prefix = args[++i];
                case "--candidates" -> candidates = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--proctors" -> proctors = Integer.parseInt(args[++i]);
                case "--interval" -> interval = Double.parseDouble(args[++i]);
                case "--jitter" -> jitter = Double.parseDouble(args[++i]);
                case "--grace" -> grace = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--closed-loop" -> closed = true;
                case "--allow-remote" -> remote = true;
                case "--thumbnails" -> thumbnails = true;
                case "--keep-running" -> keepRunning = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (candidates == null || seconds == null) {
            throw new IllegalArgumentException("--candidates and --seconds are required (a bounded run)");
        }
        String host = URI.create(base).getHost();
        if (!remote && !(host.equals("localhost") || host.startsWith("127."))) {
            throw new IllegalArgumentException(base + " is not on this machine: add --allow-remote for your own installation");
        }
        String password = System.getenv().getOrDefault("CAMPUSPROCTOR_ADMIN_PASSWORD", "demo-admin");
        return new Options(base, admin, password, prefix, candidates, proctors, seconds, interval, jitter, closed, grace, out, thumbnails, keepRunning);
    }

    private record Candidate(Client client, String cookie, String attemptId, int index) {
    }

    private record Arrival(long nanos, String attemptId, List<String> stages) {
    }

    /** Sets up the exam and the people, runs the load, waits for the stragglers and measures. */
    static Report run(Options o) throws Exception {
        Instant started = Instant.now();
        String loadBefore = loadAverage();
        Client admin = Client.login(o.base(), o.admin(), o.adminPassword());
        String password = System.getenv().getOrDefault("CAMPUSPROCTOR_LOAD_PASSWORD",
                "load-" + UUID.randomUUID()); // a fresh one per run unless given: reused accounts get it too
        // every login (a password hash, slow on purpose) happens here, before the measured window, and is timed apart
        long setupStart = System.nanoTime();
        ExecutorService setup = Executors.newFixedThreadPool(4);
        try {
            List<Client> proctors = new ArrayList<>();
            for (int p = 0; p < o.proctors(); p++) {
                proctors.add(account(admin, o, String.format("%s-proctor-%02d", o.prefix(), p + 1), "proctor", password));
            }
            String examId = exam(admin, o);
            List<Future<Candidate>> pending = new ArrayList<>();
            for (int i = 0; i < o.candidates(); i++) {
                int index = i;
                pending.add(setup.submit(() -> {
                    Client c = account(admin, o, String.format("%s-candidate-%04d", o.prefix(), index + 1), "candidate", password);
                    String registration = admin.expect(201, admin.post("/api/exams/" + examId + "/registrations",
                            Json.createObjectBuilder().add("candidate", c.username)
                                    .add("proctor", proctors.get(index % proctors.size()).username).build())).getString("id");
                    String attempt = Scenario.startedAttempt(c, registration).getString("id");
                    return new Candidate(c, c.cookieHeader(), attempt, index);
                }));
            }
            List<Candidate> candidates = new ArrayList<>();
            for (Future<Candidate> f : pending) {
                candidates.add(f.get(10, TimeUnit.MINUTES));
            }
            double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
            System.out.printf("%s: exam %s, %d candidates with running attempts, %d proctor(s) watching"
                    + " (setup %.1f s)%n", o.base(), examId, candidates.size(), proctors.size(), setupSeconds);
            Report report = load(o, admin, proctors, candidates, examId, started, loadBefore, setupSeconds);
            if (!o.keepRunning()) { // silent attempts left running would raise webcam-silence incidents a minute later
                List<Future<?>> submitted = new ArrayList<>();
                for (Candidate c : candidates) {
                    submitted.add(setup.submit(() -> c.client().post("/api/attempts/" + c.attemptId() + "/submit", null)));
                }
                for (Future<?> f : submitted) {
                    f.get(10, TimeUnit.MINUTES);
                }
            }
            return report;
        } finally {
            setup.shutdown();
            setup.awaitTermination(5, TimeUnit.MINUTES);
        }
    }

    private static Report load(Options o, Client admin, List<Client> proctors, List<Candidate> candidates, String examId,
                               Instant started, String loadBefore, double setupSeconds) throws Exception {
        Map<String, Arrival> arrived = new ConcurrentHashMap<>();
        // one HTTP client for every request, each with its user's session cookie: the generator's own cost stays small
        ExecutorService io = Executors.newFixedThreadPool(4);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(io)
                .connectTimeout(Duration.ofSeconds(10)).build();
        List<Long> thumbnailMillis = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger thumbnailFailures = new AtomicInteger();
        List<WebSocket> sockets = new ArrayList<>();
        for (Client proctor : proctors) {
            String cookie = proctor.cookieHeader();
            java.util.function.Consumer<String> tile = !o.thumbnails() ? id -> { } : id -> { // as the live page's tile does
                long asked = System.nanoTime();
                http.sendAsync(HttpRequest.newBuilder(URI.create(o.base() + "/api/frames/" + id + "/image"))
                        .timeout(Duration.ofSeconds(60)).header("Cookie", cookie).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).whenComplete((r, failure) -> {
                            if (failure == null && r.statusCode() == 200) {
                                thumbnailMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked));
                            } else {
                                thumbnailFailures.incrementAndGet();
                            }
                        });
            };
            sockets.add(proctor.webSocket("/ws/proctor-feed", feedListener(arrived, tile)).get(30, TimeUnit.SECONDS));
        }
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
        List<byte[]> clip = ClipFrames.all();
        Map<String, Long> uploadStart = new ConcurrentHashMap<>();
        Map<String, Integer> refused = new ConcurrentHashMap<>();
        AtomicInteger offered = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicLong peakBacklog = new AtomicLong();
        int maxPending = status(admin).getJsonObject("frameBacklog").getInt("maxPending");
        long start = System.nanoTime();
        long until = start + TimeUnit.SECONDS.toNanos(o.seconds());
        long intervalNanos = (long) (o.intervalSeconds() * 1e9);

        clock.scheduleAtFixedRate(() -> {
            try {
                peakBacklog.accumulateAndGet(status(admin).getJsonObject("frameBacklog").getJsonNumber("awaitingAnalysis")
                        .longValue(), Math::max);
            } catch (Exception | AssertionError e) {
                // a missed sample: the next one comes in a second
            }
        }, 0, 1, TimeUnit.SECONDS);

        class Uploader {
            void next(Candidate c, int n, long at) {
                long now = System.nanoTime();
                if (at >= until) {
                    return;
                }
                clock.schedule(() -> send(c, n, at), Math.max(0, at - now), TimeUnit.NANOSECONDS);
            }

            void send(Candidate c, int n, long tick) {
                // the clip's scenes in turn, half a second of clip apart, each candidate from its own place in it
                byte[] frame = clip.get((c.index() * 37 + n * 15) % clip.size());
                HttpRequest request = HttpRequest.newBuilder(URI.create(o.base() + "/api/attempts/" + c.attemptId() + "/frames"))
                        .timeout(Duration.ofSeconds(60)).header("Content-Type", "image/jpeg").header("Cookie", c.cookie())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(frame)).build();
                long sent = System.nanoTime();
                offered.incrementAndGet();
                inFlight.incrementAndGet();
                http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                    inFlight.decrementAndGet();
                    long now = System.nanoTime();
                    long nextTick = o.closedLoop() ? now : Math.max(now, tick + jittered(intervalNanos, o.jitter()));
                    if (failure != null) {
                        errors.incrementAndGet();
                    } else if (response.statusCode() == 202) {
                        uploadStart.put(Server.json(response.body()).getString("mediaId"), sent);
                    } else if (response.statusCode() == 429) {
                        JsonObject body = response.body().startsWith("{") ? Server.json(response.body()) : JsonValue.EMPTY_JSON_OBJECT;
                        refused.merge(body.getString("error", "429"), 1, Integer::sum);
                        long wait = body.containsKey("retryAfterMillis") ? body.getJsonNumber("retryAfterMillis").longValue()
                                : 1000L * Long.parseLong(response.headers().firstValue("Retry-After").orElse("1"));
                        nextTick = Math.max(nextTick, now + TimeUnit.MILLISECONDS.toNanos(wait));
                    } else {
                        errors.incrementAndGet();
                        System.err.println("upload refused: " + response.statusCode() + " " + response.body());
                    }
                    next(c, n + 1, nextTick);
                });
            }
        }
        Uploader uploader = new Uploader();
        for (Candidate c : candidates) { // spread over the first interval, as candidates start their exams at different times
            uploader.next(c, 0, start + (o.closedLoop() ? 0 : ThreadLocalRandom.current().nextLong(intervalNanos)));
        }
        while (System.nanoTime() < until || inFlight.get() > 0) {
            Thread.sleep(100);
        }
        double uploadSeconds = (System.nanoTime() - start) / 1e9;
        long graceUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(o.graceSeconds());
        while (!arrived.keySet().containsAll(uploadStart.keySet()) && System.nanoTime() < graceUntil) {
            Thread.sleep(200);
        }
        Thread.sleep(o.thumbnails() ? 2_000 : 0); // the last tiles' images
        clock.shutdownNow();
        io.shutdown(); // after the last tile images: the sockets and their listeners need no executor of ours
        for (WebSocket socket : sockets) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "load run done");
        }

        List<Long> latencies = new ArrayList<>();
        long lastArrival = start;
        Map<String, Map<String, Integer>> stagesByAttempt = new TreeMap<>();
        Map<String, Integer> framesByAttempt = new TreeMap<>();
        Map<String, Integer> framesByStage = new TreeMap<>();
        List<String> pushedIds = new ArrayList<>();
        for (Map.Entry<String, Long> upload : uploadStart.entrySet()) {
            Arrival a = arrived.get(upload.getKey());
            if (a == null) {
                continue;
            }
            pushedIds.add(upload.getKey());
            latencies.add(TimeUnit.NANOSECONDS.toMillis(a.nanos() - upload.getValue()));
            lastArrival = Math.max(lastArrival, a.nanos());
            framesByAttempt.merge(a.attemptId(), 1, Integer::sum);
            for (String stage : a.stages()) {
                framesByStage.merge(stage, 1, Integer::sum);
                stagesByAttempt.computeIfAbsent(a.attemptId(), k -> new TreeMap<>()).merge(stage, 1, Integer::sum);
            }
        }
        Map<String, Double> stageShare = new TreeMap<>();
        Map<String, Double> stageLowest = new TreeMap<>();
        framesByStage.forEach((stage, count) -> {
            stageShare.put(stage, count / (double) pushedIds.size());
            stageLowest.put(stage, framesByAttempt.entrySet().stream().mapToDouble(e -> stagesByAttempt
                    .getOrDefault(e.getKey(), Map.of()).getOrDefault(stage, 0) / (double) e.getValue()).min().orElse(0));
        });
        int pushed = pushedIds.size();
        return new Report(o.base(), examId, o, started, uploadSeconds, offered.get(), uploadStart.size(),
                new TreeMap<>(refused), errors.get(), uploadStart.size() / uploadSeconds, pushed,
                pushed / Math.max(0.001, (lastArrival - start) / 1e9), Latency.of(latencies),
                pushOnly(o, admin, pushedIds, uploadStart, arrived, start), uploadStart.size() - pushed, peakBacklog.get(),
                maxPending, stageShare, stageLowest, Latency.of(thumbnailMillis), thumbnailFailures.get(), loadBefore,
                loadAverage(), setupSeconds);
    }

    /**
     * The push alone (recorded analysis to the socket) for up to 100 frames: the server's clock against ours, so only
     * where the server runs on this machine.
     */
    private static Latency pushOnly(Options o, Client admin, List<String> pushedIds, Map<String, Long> uploadStart,
                                    Map<String, Arrival> arrived, long start) throws Exception {
        String host = URI.create(o.base()).getHost();
        List<Long> values = new ArrayList<>();
        if (host.equals("localhost") || host.startsWith("127.")) {
            long nanosToEpochMillis = System.currentTimeMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
            int step = Math.max(1, pushedIds.size() / 100);
            for (int i = 0; i < pushedIds.size(); i += step) {
                String id = pushedIds.get(i);
                HttpResponse<String> analysis = admin.get("/api/frames/" + id + "/analysis");
                if (analysis.statusCode() == 200) {
                    long recorded = Instant.parse(Server.json(analysis).getString("analysedAt")).toEpochMilli();
                    values.add(TimeUnit.NANOSECONDS.toMillis(arrived.get(id).nanos()) + nanosToEpochMillis - recorded);
                }
            }
        }
        return Latency.of(values);
    }

    private static WebSocket.Listener feedListener(Map<String, Arrival> arrived, java.util.function.Consumer<String> tile) {
        return new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    long now = System.nanoTime();
                    JsonObject event = Server.json(partial.toString());
                    partial.setLength(0);
                    if ("frame-analysed".equals(event.getString("type", ""))) {
                        JsonObject detail = event.getJsonObject("detail");
                        List<String> stages = detail == null || !detail.containsKey("stages") ? List.of()
                                : detail.getJsonArray("stages").getValuesAs(jakarta.json.JsonString::getString);
                        arrived.putIfAbsent(event.getString("mediaId"), new Arrival(now, event.getString("attemptId"), stages));
                        tile.accept(event.getString("mediaId"));
                    }
                }
                ws.request(1);
                return null;
            }
        };
    }

    /** An account of this run: created, or (taken by an earlier run) given this run's password; then logged in. */
    private static Client account(Client admin, Options o, String username, String role, String password) throws Exception {
        HttpResponse<String> created = admin.post("/api/accounts", Json.createObjectBuilder().add("username", username)
                .add("password", password).add("displayName", "Load test " + role)
                .add("roles", Json.createArrayBuilder().add(role)).build());
        if (created.statusCode() != 201) {
            if (!created.body().contains("USERNAME_TAKEN")) {
                throw new IllegalStateException("cannot create " + username + ": " + created.statusCode() + " " + created.body());
            }
            admin.expect(204, admin.put("/api/accounts/" + username + "/password",
                    Json.createObjectBuilder().add("password", password).build()));
        }
        return Client.login(o.base(), username, password);
    }

    /** A published exam with one question, webcam frames at the run's interval, long enough for the run. */
    private static String exam(Client admin, Options o) throws Exception {
        JsonObject exam = admin.expect(201, admin.post("/api/exams", Json.createObjectBuilder()
                .add("title", "Load test " + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                .add("instructions", "Frame load test: no questions to answer.")
                .add("durationSeconds", o.seconds() + o.graceSeconds() + 600L).add("passingScore", 50)
                .add("proctoring", Json.createObjectBuilder().add("webcam", true).add("identityCheck", false)
                        .add("frameIntervalSeconds", Math.max(1, (int) Math.round(o.intervalSeconds()))))
                .build()));
        String id = exam.getString("id");
        JsonArrayBuilder accepted = Json.createArrayBuilder().add("yes");
        admin.expect(201, admin.post("/api/exams/" + id + "/questions", Json.createObjectBuilder().add("type", "SHORT_TEXT")
                .add("prompt", "Ready?").add("points", 1).add("acceptedAnswers", accepted).build()));
        admin.expect(200, admin.post("/api/exams/" + id + "/publish", null));
        return id;
    }

    private static JsonObject status(Client admin) throws IOException, InterruptedException {
        return admin.expect(200, admin.get("/api/system/status"));
    }

    private static long jittered(long nanos, double jitter) {
        return jitter == 0 ? nanos : (long) (nanos * (1 + ThreadLocalRandom.current().nextDouble(-jitter, jitter)));
    }

    /** This machine's load average (1, 5, 15 minutes), where it has one: the server's, when it runs here. */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
