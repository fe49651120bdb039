package org.campusproctor.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A WildFly installation that a test starts itself, then stops or kills -9 (CrashRecoveryIT, BatchCrashRestartIT,
 * ClusterIT). Each start's console output goes to {@code server-console-N.log} beside the installation.
 */
final class WildFlyProcess {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** When a starting server is ready (asked once a second). */
    @FunctionalInterface
    interface Readiness {
        boolean test(WildFlyProcess server) throws Exception;
    }

    private final Path home;
    private final String name;
    private final List<String> properties;
    private Process process;
    private int starts;

    /** properties: what standalone.sh gets besides the configuration, e.g. -Djboss.socket.binding.port-offset=300 */
    WildFlyProcess(Path home, String name, String... properties) {
        this.home = home;
        this.name = name;
        this.properties = List.of(properties);
        Runtime.getRuntime().addShutdownHook(new Thread(this::kill));
    }

    /** Starts standalone-full and waits until the server is ready, for five minutes at most. */
    void start(Readiness ready) throws Exception {
        Path log = home.getParent().resolve("server-console-" + (++starts) + ".log");
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(), "-c", "standalone-full.xml"));
        command.addAll(properties);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_OPTS", "-Xms128m -Xmx1g -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true");
        builder.environment().put("JBOSS_HOME", home.toString());
        process = builder.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " stopped during start-up; see " + log);
            }
            if (ready.test(this)) {
                return;
            }
            Thread.sleep(1_000);
        }
        kill();
        throw new AssertionError(name + " did not start within " + START_TIMEOUT + "; see " + log);
    }

    /** Whether the URL answers 200; false while nothing listens there yet. */
    static boolean answers(String url) throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** The lines of the last start's console log that contain the text. */
    String consoleLines(String text) throws IOException {
        try (Stream<String> lines = Files.lines(home.getParent().resolve("server-console-" + starts + ".log"))) {
            return lines.filter(l -> l.contains(text)).collect(Collectors.joining("\n"));
        }
    }

    /** SIGKILL to the server's JVM and the script that started it, deepest first: no shutdown hook, no flush. */
    void kill() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        Collections.reverse(tree);
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        for (ProcessHandle p : tree) {
            p.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> p).join();
        }
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A normal stop (SIGTERM to the JVM), then SIGKILL if it takes longer than a minute. */
    void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> jvms = process.descendants().filter(p -> p.info().command().orElse("").endsWith("java")).toList();
        jvms.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : jvms) {
            p.onExit().orTimeout(60, TimeUnit.SECONDS).exceptionally(e -> p).join();
        }
        kill();
    }
}
