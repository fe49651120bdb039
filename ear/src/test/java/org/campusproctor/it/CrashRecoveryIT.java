package org.campusproctor.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The server process is killed (SIGKILL, no shutdown of any kind) in the middle of an autosave burst and an upload
 * burst; after a restart every acknowledged answer and every accepted frame is there, every frame is analysed, and
 * the media store holds exactly the files the index lists. The server is a dedicated one: a copy of the H2 test
 * server's installation (same modules, configuration and deployment, its own data) on port offset 300, without
 * upload back-pressure, started and killed by this test, and always stopped at the end.
 * <p>
 * {@code -Dit.crash.h2-write-delay=500} runs it with H2's default write delay instead of {@code WRITE_DELAY=0}: the
 * acknowledged saves of the last half second before the kill are then lost.
 */
class CrashRecoveryIT {

    private static final int OFFSET = Integer.getInteger("it.crash.offset", 300);
    private static final String BASE = "http://localhost:" + (8080 + OFFSET) + "/campusproctor";

    private static DedicatedServer server;

    @BeforeAll
    static void startDedicatedServer() throws Exception {
        assumeTrue(Server.DB.equals("h2"), "the dedicated server is an H2 one: it runs once, with the H2 execution");
        assumeTrue(System.getProperty("it.server.home") != null, "it copies a WildFly installation: not on Payara");
        server = new DedicatedServer(Path.of(System.getProperty("it.server.home")), "crash", OFFSET);
        server.start();
    }

    @AfterAll
    static void stopDedicatedServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aKilledServerLosesNoAcknowledgedAnswerNorAcceptedFrameAndLeavesNoOrphanFile() throws Exception {
        Client admin = Client.login(BASE, "admin", "demo-admin");
        Client registrar = Client.login(BASE, "registrar", "demo-registrar");
        JsonObject published = exam(registrar, 5);
        String exam = published.getString("id");
        List<String> questions = published.getJsonArray("questions").stream()
                .map(q -> q.asJsonObject().getString("id")).toList();

        List<Candidate> savers = new ArrayList<>();
        List<Candidate> uploaders = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            (i < 3 ? savers : uploaders).add(Candidate.started(admin, registrar, exam));
        }

        AtomicBoolean serverUp = new AtomicBoolean(true);
        Map<String, Long> acknowledged = new ConcurrentHashMap<>(); // attempt/question -> last acknowledged sequence
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicInteger acks = new AtomicInteger();
        List<Thread> burst = new ArrayList<>();
        for (Candidate c : savers) {
            burst.add(started(() -> autosave(c, questions, acknowledged, acks, serverUp)));
        }
        for (Candidate c : uploaders) {
            burst.add(started(() -> upload(c, accepted, serverUp)));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((acks.get() < 60 || accepted.size() < 10) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(acks.get() >= 60 && accepted.size() >= 10, "the bursts got going: " + acks + " saves, "
                + accepted.size() + " frames");
        Thread.sleep(500 + new java.util.Random().nextInt(1_500)); // anywhere in the middle of both

        server.kill(); // SIGKILL in the middle of both bursts
        serverUp.set(false);
        for (Thread t : burst) {
            t.join(TimeUnit.SECONDS.toMillis(90));
        }
        int savesAcknowledged = acks.get();
        int framesAccepted = accepted.size();
        server.start();

        // every acknowledged answer is there (a later, unacknowledged one may have committed too)
        int answersLost = 0;
        List<String> lostDetail = new ArrayList<>();
        for (Candidate c : savers) {
            Client again = Client.login(BASE, c.username, Client.IT_PASSWORD);
            JsonObject view = again.expect(200, again.get("/api/attempts/" + c.attemptId));
            assertEquals("IN_PROGRESS", view.getString("status"));
            Map<String, Long> saved = view.getJsonArray("answers").stream().map(JsonValue::asJsonObject)
                    .collect(Collectors.toMap(a -> a.getString("questionId"),
                            a -> Long.parseLong(a.getString("response").substring("answer-".length()))));
            for (String q : questions) {
                Long ack = acknowledged.get(c.attemptId + "/" + q);
                if (ack != null && saved.getOrDefault(q, -1L) < ack) {
                    answersLost++;
                    lostDetail.add(q + ": acknowledged " + ack + ", saved " + saved.get(q));
                }
            }
        }

        // every accepted frame is analysed after the restart
        Client proctor = Client.login(BASE, "admin", "demo-admin"); // reads every attempt; these have no assigned proctor
        Set<String> unanalysed = new HashSet<>(accepted);
        long analysedBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (!unanalysed.isEmpty() && System.nanoTime() < analysedBy) {
            unanalysed.removeIf(id -> analysed(proctor, id));
            if (!unanalysed.isEmpty()) {
                Thread.sleep(1_000);
            }
        }

        // the sweep ran at start (marks of the killed run are abandoned at once); then compare store and index
        Path media = server.home.resolve("standalone/data/campusproctor/media");
        long sweptBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (server.unsettledMarks(media) > 0 && System.nanoTime() < sweptBy) {
            Thread.sleep(500);
        }
        int marksLeft = server.unsettledMarks(media);
        server.stop();
        String swept = server.consoleLines("Abandoned media sweep");
        Set<String> files = server.mediaFiles(media);
        Set<String> rows = server.storageKeys();
        Set<String> orphans = new HashSet<>(files);
        orphans.removeAll(rows);
        Set<String> missing = new HashSet<>(rows);
        missing.removeAll(files);

        System.out.printf("CrashRecoveryIT: kill -9 after %d acknowledged saves and %d accepted frames: %d answers "
                        + "lost, %d frames not analysed, %d orphan files, %d rows without a file, %d marks left; %s%n",
                savesAcknowledged, framesAccepted, answersLost, unanalysed.size(), orphans.size(), missing.size(), marksLeft,
                swept.isEmpty() ? "no file to sweep after the restart" : swept);
        assertEquals(0, answersLost, "acknowledged answers lost: " + lostDetail);
        assertEquals(Set.of(), unanalysed, "accepted frames never analysed");
        assertEquals(Set.of(), orphans, "files without an index row");
        assertEquals(Set.of(), missing, "index rows without a file");
        assertEquals(0, marksLeft, "unsettled marks after the sweep");
    }

    private static void autosave(Candidate c, List<String> questions, Map<String, Long> acknowledged,
                                 AtomicInteger acks, AtomicBoolean serverUp) {
        long sequence = 0;
        while (serverUp.get()) {
            sequence++;
            String q = questions.get((int) (sequence % questions.size()));
            try {
                int status = c.api.put("/api/attempts/" + c.attemptId + "/answers/" + q, Json.createObjectBuilder()
                        .add("response", "answer-" + sequence).add("saveId", "s" + sequence).add("sequence", sequence)
                        .build()).statusCode();
                if (status == 200) {
                    acknowledged.put(c.attemptId + "/" + q, sequence);
                    acks.incrementAndGet();
                }
            } catch (IOException e) {
                return; // the server is gone
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void upload(Candidate c, Set<String> accepted, AtomicBoolean serverUp) {
        int n = 0;
        while (serverUp.get()) {
            try {
                HttpResponse<String> r = c.api.upload("/api/attempts/" + c.attemptId + "/frames", "image/jpeg",
                        TestImages.syntheticJpeg(320 + (n++ % 7) * 16, 240));
                if (r.statusCode() == 202) {
                    accepted.add(Server.json(r.body()).getString("mediaId"));
                } else if (r.statusCode() == 429) {
                    Thread.sleep(Math.min(1_000, Server.json(r.body()).getJsonNumber("retryAfterMillis").longValue()));
                }
            } catch (IOException e) {
                return; // the server is gone
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean analysed(Client proctor, String frame) {
        try {
            return proctor.get("/api/frames/" + frame + "/analysis").statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Thread started(Runnable work) {
        Thread thread = new Thread(work);
        thread.start();
        return thread;
    }

    private static JsonObject exam(Client registrar, int questions) throws IOException, InterruptedException {
        JsonObject exam = registrar.expect(201, registrar.send("POST", "/api/exams", Json.createObjectBuilder()
                .add("title", "Crash exam " + UUID.randomUUID()).add("durationSeconds", 3600).add("passingScore", 50)
                .add("proctoring", Json.createObjectBuilder().add("webcam", true).add("identityCheck", false)
                        .add("frameIntervalSeconds", 1))
                .build()));
        String id = exam.getString("id");
        for (JsonObject q : Scenario.shortTexts(questions)) {
            registrar.expect(201, registrar.send("POST", "/api/exams/" + id + "/questions", q));
        }
        return registrar.expect(200, registrar.send("POST", "/api/exams/" + id + "/publish", JsonValue.EMPTY_JSON_OBJECT));
    }

    /** A candidate of the dedicated server with a started attempt. */
    private record Candidate(String username, Client api, String attemptId) {
        static Candidate started(Client admin, Client registrar, String exam) throws IOException, InterruptedException {
            String username = "crash-" + UUID.randomUUID().toString().substring(0, 8);
            admin.expect(201, admin.send("POST", "/api/accounts", Json.createObjectBuilder().add("username", username)
                    .add("password", Client.IT_PASSWORD).add("displayName", "Crash candidate")
                    .add("roles", Json.createArrayBuilder().add("candidate")).build()));
            String registration = registrar.expect(201, registrar.send("POST", "/api/exams/" + exam + "/registrations",
                    Json.createObjectBuilder().add("candidate", username).build())).getString("id");
            Client api = Client.login(BASE, username, Client.IT_PASSWORD);
            String attempt = api.expect(201, api.send("POST", "/api/registrations/" + registration + "/attempt",
                    JsonValue.EMPTY_JSON_OBJECT)).getString("id");
            api.expect(200, api.send("POST", "/api/attempts/" + attempt + "/ready", JsonValue.EMPTY_JSON_OBJECT));
            api.expect(200, api.send("POST", "/api/attempts/" + attempt + "/start", JsonValue.EMPTY_JSON_OBJECT));
            return new Candidate(username, api, attempt);
        }
    }

    /**
     * A WildFly of its own: the H2 test server's installation linked file by file (modules, jars and the deployment
     * are only read), with its own configuration, data and logs, so that it can be killed without touching the test
     * server. Every start is bounded; the process tree is killed at the end whatever happened, also if the test JVM
     * exits first.
     */
    static final class DedicatedServer {
        private static final Set<String> NOT_COPIED = Set.of("standalone/log", "standalone/tmp",
                "standalone/configuration/standalone_xml_history", "standalone/data/activemq",
                "standalone/data/tx-object-store", "standalone/data/timer-service-data", "standalone/data/kernel",
                "standalone/data/infinispan", "standalone/data/campusproctor/h2", "standalone/data/campusproctor/media");

        final Path home;
        private final Path original;
        private final WildFlyProcess server;

        DedicatedServer(Path original, String name, int offset) throws IOException {
            this.original = original.toAbsolutePath().normalize();
            this.home = this.original.getParent().getParent().resolve(name).resolve(this.original.getFileName());
            if (Files.exists(home.getParent())) {
                deleteTree(home.getParent());
            }
            copyInstallation();
            this.server = new WildFlyProcess(home, "the dedicated server", "-Djboss.socket.binding.port-offset=" + offset);
        }

        private void copyInstallation() throws IOException {
            try (Stream<Path> all = Files.walk(original)) {
                for (Path source : (Iterable<Path>) all::iterator) {
                    String relative = original.relativize(source).toString().replace('\\', '/');
                    if (NOT_COPIED.stream().anyMatch(skip -> relative.equals(skip) || relative.startsWith(skip + "/"))) {
                        continue;
                    }
                    Path target = home.resolve(relative);
                    if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                        Files.createDirectories(target);
                    } else if (relative.startsWith("standalone/configuration/") || Files.isSymbolicLink(source)) {
                        Files.copy(source, target, LinkOption.NOFOLLOW_LINKS);
                    } else {
                        Files.createLink(target, source);
                    }
                }
            }
            // the settings name the test server's directories (media, models): this server has its own; uploads meet
            // no back-pressure, so that the burst keeps transactions with a file written and no commit yet in flight
            Path config = home.resolve("standalone/configuration/standalone-full.xml");
            String xml = Files.readString(config).replace(original.toString(), home.toString())
                    .replaceAll("(name=\"campusproctor.frames.max-pending\" value=\")\\d+", "$11000000")
                    .replaceAll("(name=\"campusproctor.frames.min-interval-ms\" value=\")\\d+", "$10");
            String writeDelay = System.getProperty("it.crash.h2-write-delay");
            if (writeDelay != null) { // replays another H2 write delay, e.g. 500 (H2's default) to see what it loses
                xml = xml.replace(";WRITE_DELAY=0", ";WRITE_DELAY=" + Integer.parseInt(writeDelay));
            }
            Files.writeString(config, xml);
        }

        void start() throws Exception {
            server.start(s -> WildFlyProcess.answers(BASE + "/api/system/status"));
        }

        /** SIGKILL to the server's JVM and the script that started it: no shutdown hook, no flush, nothing. */
        void kill() {
            server.kill();
        }

        void stop() {
            server.stop();
        }

        String consoleLines(String text) throws IOException {
            return server.consoleLines(text);
        }

        int unsettledMarks(Path media) throws IOException {
            Path marks = media.resolve(".unsettled");
            if (!Files.exists(marks)) {
                return 0;
            }
            try (Stream<Path> all = Files.walk(marks)) {
                return (int) all.filter(Files::isRegularFile).count();
            }
        }

        /** Every file of the media store but the marks, as storage keys (a partial write counts as its own key). */
        Set<String> mediaFiles(Path media) throws IOException {
            try (Stream<Path> all = Files.walk(media)) {
                return all.filter(Files::isRegularFile).map(p -> media.relativize(p).toString().replace('\\', '/'))
                        .filter(key -> !key.startsWith(".unsettled/")).collect(Collectors.toSet());
            }
        }

        /** The storage keys of the media index, read from the stopped server's H2 database with the server's driver. */
        Set<String> storageKeys() throws Exception {
            Path module = home.resolve("modules/system/layers/base/com/h2database/h2/main");
            Path jar;
            try (Stream<Path> jars = Files.list(module)) {
                jar = jars.filter(p -> p.getFileName().toString().endsWith(".jar")).findFirst().orElseThrow();
            }
            try (URLClassLoader loader = new URLClassLoader(new URL[]{jar.toUri().toURL()},
                    ClassLoader.getPlatformClassLoader())) {
                Driver driver = (Driver) loader.loadClass("org.h2.Driver").getDeclaredConstructor().newInstance();
                Properties credentials = new Properties();
                credentials.setProperty("user", "sa");
                credentials.setProperty("password", "sa");
                String url = "jdbc:h2:file:" + home.resolve("standalone/data/campusproctor/h2/campusproctor");
                Set<String> keys = new HashSet<>();
                try (Connection db = driver.connect(url, credentials); Statement s = db.createStatement();
                     ResultSet rs = s.executeQuery("SELECT storage_key FROM stored_media")) {
                    while (rs.next()) {
                        keys.add(rs.getString(1));
                    }
                }
                return keys;
            }
        }

        private static void deleteTree(Path root) throws IOException {
            try (Stream<Path> all = Files.walk(root)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
