package org.campusproctor.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Apache httpd in front of the cluster's nodes with the set-up the README gives university IT
 * ({@code server-config/proxy/apache-campusproctor.conf}), its node names and addresses replaced by the test's.
 * Debian's apache2-bin ({@code it.proxy.httpd}, {@code it.proxy.modules} point elsewhere).
 */
final class ReverseProxy implements AutoCloseable {

    private static final List<String> MODULES = List.of("mpm_event", "authz_core", "proxy", "proxy_http",
            "proxy_balancer", "lbmethod_byrequests", "slotmem_shm", "headers");

    final String base;
    private final Process process;
    private final Path dir;

    private ReverseProxy(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.base = "http://127.0.0.1:" + port + "/campusproctor";
    }

    /**
     * Starts httpd on the port, in front of the nodes: route (jboss.node.name) -> "host:port" of its HTTP listener,
     * in the order of the configuration's node1, node2.
     */
    static ReverseProxy start(Path dir, int port, Map<String, String> nodes) throws Exception {
        Path httpd = Path.of(System.getProperty("it.proxy.httpd", "/usr/sbin/apache2"));
        Path modules = Path.of(System.getProperty("it.proxy.modules", "/usr/lib/apache2/modules"));
        if (!Files.isExecutable(httpd)) {
            throw new AssertionError("no Apache httpd at " + httpd + " (Debian: apt-get install apache2-bin; or set"
                    + " it.proxy.httpd and it.proxy.modules)");
        }
        Files.createDirectories(dir);
        String site = Files.readString(Path.of(System.getProperty("it.proxy.config")));
        int n = 1;
        for (Map.Entry<String, String> node : nodes.entrySet()) {
            site = site.replace("http://node" + n + ":8080", "http://" + node.getValue())
                    .replace("route=node" + n + " ", "route=" + node.getKey() + " ");
            n++;
        }
        Files.writeString(dir.resolve("campusproctor.conf"), site);
        StringBuilder conf = new StringBuilder();
        conf.append("ServerRoot \"").append(dir).append("\"\n")
                .append("ServerName localhost\n")
                .append("Listen 127.0.0.1:").append(port).append('\n')
                .append("PidFile \"").append(dir.resolve("httpd.pid")).append("\"\n")
                .append("DefaultRuntimeDir \"").append(dir).append("\"\n")
                .append("Mutex file:").append(dir).append(" default\n")
                .append("ErrorLog \"").append(dir.resolve("error.log")).append("\"\n")
                // which node served each request: the balancer's route
                .append("LogFormat \"%t %r %>s %{BALANCER_WORKER_ROUTE}e\" routed\n")
                .append("CustomLog \"").append(dir.resolve("access.log")).append("\" routed\n");
        for (String module : MODULES) {
            conf.append("LoadModule ").append(module).append("_module \"").append(modules.resolve("mod_" + module + ".so"))
                    .append("\"\n");
        }
        // started as root, httpd serves as an unprivileged user
        conf.append("User daemon\nGroup daemon\n")
                .append("Include \"").append(dir.resolve("campusproctor.conf")).append("\"\n");
        Path config = dir.resolve("httpd.conf");
        Files.writeString(config, conf);
        Process process = new ProcessBuilder(httpd.toString(), "-f", config.toString(), "-DFOREGROUND")
                .redirectErrorStream(true).redirectOutput(dir.resolve("console.log").toFile()).start();
        ReverseProxy proxy = new ReverseProxy(process, dir, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("httpd stopped: " + Files.readString(dir.resolve("console.log")) + " "
                        + (Files.exists(dir.resolve("error.log")) ? Files.readString(dir.resolve("error.log")) : ""));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
                return proxy;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        proxy.close();
        throw new AssertionError("httpd did not listen on " + port + " within 30 s; see " + dir);
    }

    /** The access log's last lines (each request with the route of the node that served it), for messages. */
    String accessLog() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("access.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no access log: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy(); // SIGTERM: httpd stops its children
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(20, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
