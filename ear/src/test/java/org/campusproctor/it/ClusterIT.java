package org.campusproctor.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;

import static org.campusproctor.it.StaffScopingIT.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two WildFly nodes of one installation: one PostgreSQL database, one media directory, one broker (the build's
 * standalone Artemis; both nodes installed with {@code install.sh --broker remote}). The test starts the nodes itself,
 * so that it can kill one. Clients reach node 1, but for those that go through Apache httpd in front of both nodes,
 * set up as the README tells university IT ({@code server-config/proxy/apache-campusproctor.conf}).
 * <ol>
 *     <li>Both nodes' sweeps (every 5 s) see the same attempts: a silent webcam raises one incident, an attempt past
 *     its deadline expires once.</li>
 *     <li>With node 1's frame workers and result listener stopped (management operation {@code stop-delivery}), frames
 *     uploaded to node 1 are analysed and recorded on node 2, and pushed to a proctor connected to node 1 through the
 *     broker's {@code proctor-feed} topic; a proctor's action taken on node 2 reaches that socket too.</li>
 *     <li>While candidates upload to node 1 and node 2 analyses (its consumers own every attempt's message group),
 *     node 1's workers are started and node 2 is killed (SIGKILL): every accepted frame is analysed and pushed without
 *     node 2 coming back (the frames it was analysing are redelivered to node 1), node 1 takes over node 2's attempts,
 *     and the time from the kill to node 1's first result is printed. Through the proxy, a candidate whose session was
 *     on node 2 is sent to node 1, logs in again and goes on with the attempt (answers and frames), and the proctor's
 *     feed through the proxy keeps updating.</li>
 *     <li>A third node runs only the worker-only EAR ({@code ear/worker}: vision worker and contract) on the same
 *     broker and media directory: with node 1's workers stopped, it analyses the frames uploaded to node 1.</li>
 * </ol>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static Node node1;
    private static Node node2;
    private static Node worker;
    private static ReverseProxy proxy;

    @BeforeAll
    static void startNodes() throws Exception {
        assumeTrue(System.getProperty("it.cluster.node1.home") != null, "the two nodes are installed for the cluster run only");
        node1 = new Node(Path.of(System.getProperty("it.cluster.node1.home")), "cluster-1",
                Integer.getInteger("it.cluster.node1.offset", 1000));
        node2 = new Node(Path.of(System.getProperty("it.cluster.node2.home")), "cluster-2",
                Integer.getInteger("it.cluster.node2.offset", 1100));
        node1.start(); // first: it migrates the database alone
        node2.start();
        Map<String, String> routes = new LinkedHashMap<>(); // jboss.node.name -> HTTP listener
        routes.put("cluster-1", URI.create(node1.base).getAuthority().replace("localhost", "127.0.0.1"));
        routes.put("cluster-2", URI.create(node2.base).getAuthority().replace("localhost", "127.0.0.1"));
        Path proxyDir = Path.of(System.getProperty("it.cluster.node1.home")).getParent().resolveSibling("cluster-proxy");
        proxy = ReverseProxy.start(proxyDir, Integer.getInteger("it.cluster.proxy.port", 9480), routes);
    }

    @AfterAll
    static void stopNodes() {
        if (proxy != null) {
            proxy.close();
        }
        for (Node node : new Node[]{worker, node2, node1}) {
            if (node != null) {
                node.stop();
            }
        }
    }

    @Test
    @Order(0)
    void theSweepsOfBothNodesReportASilentWebcamOnceAndExpireAnAttemptOnce() throws Exception {
        Scenario.Running running = Scenario.running(50); // webcam required, a frame every 5 s: silent after 30 s
        String attemptId = running.attemptId();
        Client proctor = Client.demo("proctor");
        running.candidate().expect(202, running.candidate().upload("/api/attempts/" + attemptId + "/frames",
                "image/jpeg", ClipFrames.at(0)));
        Eventually.await(Duration.ofSeconds(60), Duration.ofSeconds(1), () -> WebcamSilenceIT.silences(proctor, attemptId),
                found -> !found.isEmpty(), "the silent-webcam incident");
        TimedExpiryIT.awaitStatus(running.candidate(), attemptId, "EXPIRED", 60);
        Thread.sleep(6_000); // more sweeps of both nodes (every 5 s each)
        assertEquals(1, WebcamSilenceIT.silences(proctor, attemptId).size(), "one incident for one silence");
        long expiries = Server.jsonArray(proctor.get("/api/attempts/" + attemptId + "/timeline")).stream()
                .filter(t -> "EXPIRED".equals(t.asJsonObject().getString("action"))).count();
        assertEquals(1, expiries, "expired once");
    }

    @Test
    @Order(1)
    void framesUploadedToOneNodeAreAnalysedOnTheOtherAndReachAProctorOnTheFirst() throws Exception {
        node1.delivery("FrameAnalysisWorker", false);
        node1.delivery("VisionResultListener", false);
        try {
            Client registrar = Client.demo("registrar");
            Client proctor = Scenario.newUser("proctor");
            Client candidate = Scenario.newUser("candidate");
            String examId = Scenario.exam(registrar, 3600, false, Scenario.shortTexts(1)).getString("id");
            String attemptId = Scenario.startedAttempt(candidate,
                    Scenario.register(registrar, examId, candidate, proctor, 0)).getString("id");

            List<JsonObject> feed = new CopyOnWriteArrayList<>();
            WebSocket socket = proctor.webSocket("/ws/proctor-feed", StaffScopingIT.collect(feed)).get(30, TimeUnit.SECONDS);
            try {
                assertNotNull(await(feed, e -> "hello".equals(e.getString("type")), 10));
                List<String> uploaded = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    uploaded.add(candidate.expect(202, candidate.upload("/api/attempts/" + attemptId + "/frames",
                            "image/jpeg", ClipFrames.at(i))).getString("mediaId"));
                }
                for (String mediaId : uploaded) {
                    JsonObject analysed = await(feed, e -> mediaId.equals(e.getString("mediaId", null)), 120);
                    assertNotNull(analysed, "frame " + mediaId + " uploaded to node 1 reaches the proctor on node 1");
                    assertEquals("cluster-2", analysed.getString("workerNode"), "analysed on node 2: " + analysed);
                }

                // a proctor's action on node 2 reaches the socket on node 1
                Client proctorOnNode2 = Client.login(node2.base, proctor.username, Client.IT_PASSWORD);
                proctorOnNode2.expect(200, proctorOnNode2.post("/api/attempts/" + attemptId + "/messages",
                        Json.createObjectBuilder().add("text", "Please face the camera").build()));
                assertNotNull(await(feed, e -> "MESSAGED".equals(e.getString("action", null))
                        && attemptId.equals(e.getString("attemptId", null)), 30), "node 2's action pushed on node 1");
                List<Long> ids = feed.stream().filter(e -> e.containsKey("id")).map(e -> e.getJsonNumber("id").longValue()).toList();
                assertEquals(ids.stream().sorted().distinct().toList(), ids, "node 1 numbers the events in order, once each");
            } finally {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
            }
        } finally {
            node1.delivery("VisionResultListener", true);
            node1.delivery("FrameAnalysisWorker", true);
        }
    }

    @Test
    @Order(2)
    void aKilledNodeLosesNoAcceptedFrameAndTheOtherTakesOverItsAttempts() throws Exception {
        Client registrar = Client.demo("registrar");
        Client proctor = Scenario.newUser("proctor");
        JsonObject exam = Scenario.exam(registrar, 3600, false, Scenario.shortTexts(1));
        String examId = exam.getString("id");
        List<Client> candidates = new ArrayList<>();
        List<String> attempts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Client candidate = Scenario.newUser("candidate");
            candidates.add(candidate);
            attempts.add(Scenario.startedAttempt(candidate, Scenario.register(registrar, examId, candidate, proctor, 0))
                    .getString("id"));
        }
        List<JsonObject> feed = new CopyOnWriteArrayList<>();
        Map<String, Long> receivedAt = new ConcurrentHashMap<>(); // mediaId -> when its analysis reached the socket
        WebSocket socket = proctor.webSocket("/ws/proctor-feed", timed(feed, receivedAt)).get(30, TimeUnit.SECONDS);

        // through the README's reverse proxy: a candidate whose session the balancer put on node 2, and the proctor,
        // on node 1, following the feed through the proxy's WebSocket upgrade
        Client proxied = Scenario.newUser("candidate");
        String proxiedAttempt = "/api/attempts/" + Scenario.startedAttempt(proxied,
                Scenario.register(registrar, examId, proxied, proctor, 0)).getString("id");
        Client onNode2 = loginThroughProxy(proxied.username, "cluster-2");
        List<JsonObject> proxiedFeed = new CopyOnWriteArrayList<>();
        WebSocket proxiedSocket = loginThroughProxy(proctor.username, "cluster-1")
                .webSocket("/ws/proctor-feed", StaffScopingIT.collect(proxiedFeed)).get(30, TimeUnit.SECONDS);
        String viaNode2 = onNode2.expect(202, onNode2.upload(proxiedAttempt + "/frames", "image/jpeg", ClipFrames.at(0)))
                .getString("mediaId");

        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicBoolean uploading = new AtomicBoolean(true);
        List<Thread> uploaders = new ArrayList<>();
        node1.delivery("FrameAnalysisWorker", false); // node 2's consumers take every attempt's message group
        try {
            for (int i = 0; i < candidates.size(); i++) {
                Client c = candidates.get(i);
                String frames = "/api/attempts/" + attempts.get(i) + "/frames";
                Thread t = new Thread(() -> upload(c, frames, accepted, uploading), "uploader-" + i);
                t.start();
                uploaders.add(t);
            }
            assertNotNull(awaitCount(feed, e -> "cluster-2".equals(e.getString("workerNode", null)), 8, 120),
                    "node 2 analyses the attempts' frames");
        } finally {
            node1.delivery("FrameAnalysisWorker", true);
        }
        assertNotNull(await(proxiedFeed, e -> viaNode2.equals(e.getString("mediaId", null)), 120),
                () -> "a frame uploaded through the proxy to node 2 reaches the proctor through the proxy: " + proxy.accessLog());
        Thread.sleep(1_000);

        long killedAt = System.currentTimeMillis();
        node2.kill();
        int eventsAtKill = feed.size();
        Thread.sleep(10_000); // uploads go on, now analysed on node 1 only
        uploading.set(false);
        long uploadsStoppedAt = System.currentTimeMillis();
        for (Thread t : uploaders) {
            t.join(TimeUnit.SECONDS.toMillis(60));
        }

        try {
            // node 2's unacknowledged frames go back to the queue when the broker sees its connection close: node 1
            // analyses them without waiting for node 2 to come back
            Set<String> missing = unpushed(accepted, receivedAt, Duration.ofSeconds(180));
            assertEquals(Set.of(), missing, "every accepted frame analysed and pushed");
            List<JsonObject> afterKill = feed.subList(eventsAtKill, feed.size()).stream()
                    .filter(e -> "frame-analysed".equals(e.getString("type", null))).toList();
            assertTrue(afterKill.size() >= 4, "the feed keeps updating after the kill: " + afterKill.size() + " frames");
            assertTrue(afterKill.stream().anyMatch(e -> "cluster-1".equals(e.getString("workerNode"))), "node 1 took over");
            long takeover = feed.stream().filter(e -> "cluster-1".equals(e.getString("workerNode", null)))
                    .mapToLong(e -> receivedAt.get(e.getString("mediaId"))).filter(t -> t >= killedAt).min().orElseThrow();
            Set<String> takenOver = afterKill.stream().filter(e -> "cluster-1".equals(e.getString("workerNode")))
                    .map(e -> e.getString("attemptId")).collect(Collectors.toSet());
            assertEquals(Set.copyOf(attempts), takenOver, "every attempt of node 2 is analysed on node 1 afterwards");
            long allDone = receivedAt.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            System.out.printf("ClusterIT: %d frames accepted by node 1, %d analysed and pushed, 0 lost; kill -9 of node 2"
                            + " -> first result from node 1 after %d ms; uploads stopped %d ms after the kill, last"
                            + " result %d ms after the kill%n",
                    accepted.size(), receivedAt.size(), takeover - killedAt, uploadsStoppedAt - killedAt, allDone - killedAt);

            // the proxied candidate's node is gone: the proxy sends it to node 1, which does not know its session (a
            // browser would show the login page); once logged in again there, the attempt goes on where it was
            HttpResponse<String> orphaned = onNode2.get(proxiedAttempt);
            for (int i = 0; i < 10 && orphaned.statusCode() >= 500; i++) { // a reload, should the proxy answer 502/503
                Thread.sleep(1_000);
                orphaned = onNode2.get(proxiedAttempt);
            }
            assertEquals(401, orphaned.statusCode(), () -> "node 2's session is unknown on node 1: " + proxy.accessLog());
            Client again = loginThroughProxy(proxied.username, "cluster-1");
            assertEquals("IN_PROGRESS", again.expect(200, again.get(proxiedAttempt)).getString("status"));
            String question = exam.getJsonArray("questions").getJsonObject(0).getString("id");
            assertEquals("APPLIED", again.expect(200, again.put(proxiedAttempt + "/answers/" + question,
                    Scenario.save(question, "written after the failover", "failover-1", 1))).getString("outcome"));
            String viaNode1 = again.expect(202, again.upload(proxiedAttempt + "/frames", "image/jpeg", ClipFrames.at(1)))
                    .getString("mediaId");
            JsonObject analysed = await(proxiedFeed, e -> viaNode1.equals(e.getString("mediaId", null)), 120);
            assertNotNull(analysed, () -> "the proctor's feed through the proxy goes on after the kill: " + proxy.accessLog());
            assertEquals("cluster-1", analysed.getString("workerNode"), analysed.toString());
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
            proxiedSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    /** Logs in through the proxy until its balancer has put the session on the node (route: its jboss.node.name). */
    private static Client loginThroughProxy(String username, String route) {
        for (int i = 0; i < 10; i++) {
            Client client = Client.login(proxy.base, username, Client.IT_PASSWORD);
            if (client.cookieHeader().contains("." + route)) {
                return client;
            }
        }
        throw new AssertionError("the proxy never put " + username + "'s session on " + route + ":\n" + proxy.accessLog());
    }

    @Test
    @Order(3)
    void aWorkerOnlyNodeAnalysesFramesFromTheSharedBroker() throws Exception {
        worker = new Node(Path.of(System.getProperty("it.cluster.worker.home")), "cluster-worker",
                Integer.getInteger("it.cluster.worker.offset", 1200));
        worker.start();
        node1.delivery("FrameAnalysisWorker", false);
        try {
            Client registrar = Client.demo("registrar");
            Client proctor = Scenario.newUser("proctor");
            Client candidate = Scenario.newUser("candidate");
            String examId = Scenario.exam(registrar, 3600, false, Scenario.shortTexts(1)).getString("id");
            String attemptId = Scenario.startedAttempt(candidate,
                    Scenario.register(registrar, examId, candidate, proctor, 0)).getString("id");
            List<JsonObject> feed = new CopyOnWriteArrayList<>();
            WebSocket socket = proctor.webSocket("/ws/proctor-feed", StaffScopingIT.collect(feed)).get(30, TimeUnit.SECONDS);
            try {
                for (int i = 0; i < 3; i++) {
                    String mediaId = candidate.expect(202, candidate.upload("/api/attempts/" + attemptId + "/frames",
                            "image/jpeg", ClipFrames.at(i))).getString("mediaId");
                    JsonObject analysed = await(feed, e -> mediaId.equals(e.getString("mediaId", null)), 120);
                    assertNotNull(analysed, "frame " + mediaId + " analysed while only the worker-only node consumes frames");
                    assertEquals("cluster-worker", analysed.getString("workerNode"), analysed.toString());
                }
            } finally {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
            }
        } finally {
            node1.delivery("FrameAnalysisWorker", true);
        }
    }

    /** The accepted frames whose analysis has not reached the socket once the time is up (or none is left). */
    private static Set<String> unpushed(Set<String> accepted, Map<String, Long> receivedAt, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        Set<String> missing;
        do {
            missing = accepted.stream().filter(m -> !receivedAt.containsKey(m)).collect(Collectors.toSet());
            if (missing.isEmpty()) {
                break;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        return missing;
    }

    /** One frame of the clip about every 500 ms, honouring 429; accepted frames are counted, failures retried. */
    private static void upload(Client candidate, String frames, Set<String> accepted, AtomicBoolean uploading) {
        int i = 0;
        while (uploading.get()) {
            try {
                HttpResponse<String> r = candidate.upload(frames, "image/jpeg", ClipFrames.at((i++ % 20) * 0.5));
                if (r.statusCode() == 202) {
                    accepted.add(Server.json(r).getString("mediaId"));
                }
                Thread.sleep(r.statusCode() == 429 ? 1_000 : 500);
            } catch (IOException e) {
                sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Collects the socket's events, and when each frame's analysis arrived. */
    private static WebSocket.Listener timed(List<JsonObject> into, Map<String, Long> receivedAt) {
        List<JsonObject> tap = new CopyOnWriteArrayList<>() {
            @Override
            public boolean add(JsonObject e) {
                if ("frame-analysed".equals(e.getString("type", null))) {
                    receivedAt.putIfAbsent(e.getString("mediaId"), System.currentTimeMillis());
                }
                return into.add(e);
            }
        };
        return StaffScopingIT.collect(tap);
    }

    private static JsonObject awaitCount(List<JsonObject> received, java.util.function.Predicate<JsonObject> which,
                                         int count, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        do {
            List<JsonObject> matching = received.stream().filter(which).toList();
            if (matching.size() >= count) {
                return matching.get(count - 1);
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return null;
    }

    /**
     * A node installed by the build (install.sh), started by this test with its own node name and transaction node
     * id, so that it can be killed. Every start is bounded; its process tree is killed at the end whatever happened.
     */
    static final class Node {
        final String base;
        private final Path home;
        private final int offset;
        private final boolean web;
        private final WildFlyProcess server;

        Node(Path home, String name, int offset) {
            this.web = !name.endsWith("-worker");
            this.home = home;
            this.offset = offset;
            this.base = "http://localhost:" + (8080 + offset) + "/campusproctor";
            this.server = new WildFlyProcess(home, name, "-Djboss.socket.binding.port-offset=" + offset,
                    "-Djboss.node.name=" + name, "-Djboss.tx.node.id=" + name);
        }

        void start() throws Exception {
            // the worker-only EAR has no HTTP interface: deployed is ready
            server.start(web ? s -> WildFlyProcess.answers(base + "/api/system/status")
                    : s -> !s.consoleLines("Deployed \"campusproctor-worker.ear\"").isEmpty());
        }

        /** Starts or stops the delivery of messages to one of the EAR's message-driven beans (WildFly management). */
        void delivery(String bean, boolean active) throws Exception {
            String module = bean.equals("FrameAnalysisWorker") ? "campusproctor-vision-worker" : "campusproctor-ejb";
            String jar;
            try (ZipFile ear = new ZipFile(System.getProperty("it.ear"))) {
                jar = ear.stream().map(e -> e.getName()).filter(n -> !n.contains("/") && n.matches("(.*-)?" + module + "-\\d.*\\.jar"))
                        .findFirst().orElseThrow(() -> new AssertionError("no " + module + " in the EAR"));
            }
            Path log = Files.createTempFile("cli", ".log");
            Process cli = new ProcessBuilder(home + File.separator + "bin" + File.separator + "jboss-cli.sh",
                    "--connect", "--controller=localhost:" + (9990 + offset),
                    "--command=/deployment=campusproctor.ear/subdeployment=" + jar + "/subsystem=ejb3/message-driven-bean="
                            + bean + ":" + (active ? "start-delivery" : "stop-delivery"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertTrue(cli.waitFor(120, TimeUnit.SECONDS), "jboss-cli did not finish");
            String output = Files.readString(log);
            Files.delete(log);
            assertEquals(0, cli.exitValue(), output);
            assertTrue(output.contains("success"), output);
        }

        /** SIGKILL to the node's JVM and the script that started it: no shutdown of any kind. */
        void kill() {
            server.kill();
        }

        void stop() {
            server.stop();
        }
    }
}
