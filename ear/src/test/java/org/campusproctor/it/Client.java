package org.campusproctor.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/** One browser-like user of the API: its own cookie jar, so it carries its own session after logging in. */
final class Client {

    static final String IT_PASSWORD = "it-password-1234";

    final String username;
    /** Base URL of the server this user talks to: the test server, or a dedicated one (crash recovery). */
    private final String base;
    private final CookieManager cookies = new CookieManager();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();

    private Client(String base, String username) {
        this.base = base;
        this.username = username;
    }

    static Client anonymous() {
        return new Client(Server.BASE, null);
    }

    /** Logs in; fails the test if the credentials are refused. */
    static Client login(String username, String password) {
        return login(Server.BASE, username, password);
    }

    /** Logs in to the server at {@code base}; fails the test if the credentials are refused. */
    static Client login(String base, String username, String password) {
        Client client = new Client(base, username);
        try {
            HttpResponse<String> r = client.send("POST", "/api/session",
                    Json.createObjectBuilder().add("username", username).add("password", password).build());
            if (r.statusCode() != 200) {
                throw new AssertionError("login of " + username + " failed: " + r.statusCode() + " " + r.body());
            }
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
        return client;
    }

    /** The demo accounts seeded on the test servers (campusproctor.demo-data=true): password demo-<username>. */
    static Client demo(String username) {
        return login(username, "demo-" + username);
    }

    HttpResponse<String> send(String method, String path, JsonValue body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    HttpResponse<String> post(String path, JsonValue body) throws IOException, InterruptedException {
        return send("POST", path, body == null ? JsonValue.EMPTY_JSON_OBJECT : body);
    }

    HttpResponse<String> put(String path, JsonValue body) throws IOException, InterruptedException {
        return send("PUT", path, body);
    }

    HttpResponse<String> upload(String path, String contentType, byte[] bytes) throws IOException, InterruptedException {
        return upload("POST", path, contentType, bytes);
    }

    HttpResponse<String> upload(String method, String path, String contentType, byte[] bytes)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A request built by the caller (own headers), sent as this user. */
    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Any request as this user: raw bytes with any content type (null body = none, null type = no header). */
    HttpResponse<String> raw(String method, String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    /** Expects the status, returns the body as JSON (or an empty object). */
    JsonObject expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new AssertionError("expected " + status + " but got " + response.statusCode() + " for "
                    + response.request().method() + " " + response.request().uri() + " as " + username + ": " + response.body());
        }
        return response.body() == null || response.body().isBlank() || !response.body().startsWith("{")
                ? JsonValue.EMPTY_JSON_OBJECT : Server.json(response);
    }

    /** This user's cookies as a Cookie header (empty when there are none): its session, for a shared HTTP client. */
    String cookieHeader() {
        return cookies.getCookieStore().getCookies().stream().map(HttpCookie::toString).collect(Collectors.joining("; "));
    }

    /** Opens a WebSocket with this client's session cookie. */
    CompletableFuture<WebSocket> webSocket(String path, WebSocket.Listener listener) {
        return webSocket(path, listener, null);
    }

    /** The same, sending an Origin header (as browsers do) unless it is null. */
    CompletableFuture<WebSocket> webSocket(String path, WebSocket.Listener listener, String origin) {
        String cookie = cookieHeader();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (!cookie.isEmpty()) {
            builder.header("Cookie", cookie);
        }
        if (origin != null) {
            builder.header("Origin", origin);
        }
        return builder.buildAsync(URI.create(base.replaceFirst("^http", "ws") + path), listener);
    }
}
