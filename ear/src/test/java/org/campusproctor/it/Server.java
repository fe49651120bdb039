package org.campusproctor.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The server under test, reached over HTTP only (black box). Base URL from the failsafe execution. */
final class Server {

    static final String BASE = System.getProperty("it.base.url", "http://localhost:8180/campusproctor");
    static final String DB = System.getProperty("it.db", "h2");
    /**
     * HTTP/1.1 as browsers speak it to a plain-HTTP server: Java's client would otherwise try an upgrade of cleartext
     * HTTP to HTTP/2 (h2c), which no browser does and which Payara's listener breaks off.
     */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Server() {
    }

    static URI uri(String path) {
        return URI.create(BASE + path);
    }

    static URI wsUri(String path) {
        return URI.create(BASE.replaceFirst("^http", "ws") + path);
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    static jakarta.json.JsonArray jsonArray(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError(response.statusCode() + " " + response.body());
        }
        return Json.createReader(new StringReader(response.body())).readArray();
    }

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
