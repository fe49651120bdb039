package org.campusproctor.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web tier against the attacks found by probing the running server: cross-site sockets, password guessing and
 * user enumeration by timing, sessions outliving a disabled account or a logout, missing browser hardening headers,
 * session fixation and session cookies over TLS. Failing logins are sent from loopback addresses of their own
 * ({@link Loopback}), so that the per-address throttle they trigger never touches the other tests.
 */
class HardeningWebIT {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern NONCE = Pattern.compile("'nonce-([^']+)'");

    /** What a browser posts back from a Faces page: its view state and the CSP nonce PrimeFaces' script adds. */
    record FacesForm(String viewState, String nonce) {
    }

    // ---- WebSocket origin ----

    @Test
    void socketsRefuseHandshakesFromOtherSitesPages() throws Exception {
        Client proctor = Client.demo("proctor");
        WebSocket.Listener ignore = new WebSocket.Listener() { };
        CompletionException refused = assertThrows(CompletionException.class,
                () -> proctor.webSocket("/ws/proctor-feed", ignore, "https://evil.example").join());
        assertTrue(refused.getCause() instanceof java.net.http.WebSocketHandshakeException, refused.toString());
        assertThrows(CompletionException.class, () -> proctor.webSocket("/ws/proctor-feed", ignore, "null").join());
        URI base = Server.uri("/");
        String sameOrigin = base.getScheme() + "://" + base.getHost() + ":" + base.getPort();
        WebSocket ok = proctor.webSocket("/ws/proctor-feed", ignore, sameOrigin).get(30, TimeUnit.SECONDS);
        ok.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        // programs send no Origin (browsers always do): they carry only the cookies they were given
        proctor.webSocket("/ws/proctor-feed", ignore).get(30, TimeUnit.SECONDS).sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    // ---- login throttling and enumeration ----

    @Test
    void repeatedFailuresRefuseAUsernameWith429OnTheApiAndTheLoginPage() throws Exception {
        String address = freshAddress();
        Client user = Scenario.newUser("candidate");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login(address, user.username, "wrong-password").status());
        }
        Loopback.Reply refused = login(address, user.username, Client.IT_PASSWORD);
        assertEquals(429, refused.status(), "refused even with the right password: " + refused.body());
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 30, "Retry-After " + retryAfter);
        assertEquals(429, login(freshAddress(), user.username, Client.IT_PASSWORD).status(), "from any address");
        HttpResponse<String> page = loginPage(new CookieManager(), user.username, Client.IT_PASSWORD);
        assertEquals(429, page.statusCode(), "the login page shares the throttle");
        assertTrue(page.headers().firstValue("Retry-After").isPresent());
        assertTrue(page.body().contains("Too many failed logins"), page.body());
        assertTrue(audited("LOGIN_THROTTLED", user.username), "refusals are audited");

        String stranger = Scenario.unique("nobody");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login(address, stranger, "wrong-password").status());
        }
        assertEquals(429, login(address, stranger, "wrong-password").status(), "unknown usernames alike: nothing to tell apart");
    }

    @Test
    void aSuccessfulLoginForgetsTheFailures() throws Exception {
        String address = freshAddress();
        Client user = Scenario.newUser("candidate");
        for (int i = 0; i < 4; i++) {
            assertEquals(401, login(address, user.username, "wrong-password").status());
        }
        assertEquals(200, login(address, user.username, Client.IT_PASSWORD).status());
        for (int i = 0; i < 5; i++) { // without the reset, the second would be refused (4 + 1 failures)
            assertEquals(401, login(address, user.username, "wrong-password").status(), "failure " + (i + 1) + " after the success");
        }
        assertEquals(429, login(address, user.username, Client.IT_PASSWORD).status(), "counted again from zero");
    }

    @Test
    void anAddressThatKeepsFailingIsRefusedWhateverTheUsername() throws Exception {
        String address = freshAddress();
        for (int i = 0; i < 30; i++) {
            assertEquals(401, login(address, Scenario.unique("spray"), "Winter2025!").status(), "guess " + (i + 1));
        }
        Loopback.Reply refused = login(address, "registrar", "demo-registrar");
        assertEquals(429, refused.status(), refused.body());
        assertEquals(200, login(freshAddress(), "registrar", "demo-registrar").status(), "other addresses log in");
    }

    @Test
    void wrongLoginsOfUnknownUsersCostAsMuchAsThoseOfKnownOnes() throws Exception {
        String address = freshAddress();
        List<String> known = List.of(Scenario.newUser("candidate").username, Scenario.newUser("candidate").username);
        List<Long> knownMillis = new ArrayList<>();
        List<Long> unknownMillis = new ArrayList<>();
        for (int i = 0; i < 8; i++) { // 4 failures per known account: under the throttle's limit
            knownMillis.add(timedFailure(address, known.get(i % 2)));
            unknownMillis.add(timedFailure(address, Scenario.unique("nobody")));
        }
        long knownMedian = median(knownMillis);
        long unknownMedian = median(unknownMillis);
        System.out.printf("LOGIN TIMING (%s): wrong password of a known user median %d ms %s, unknown user median %d ms %s%n",
                Server.DB, knownMedian, knownMillis, unknownMedian, unknownMillis);
        assertTrue(unknownMedian * 2 >= knownMedian, "unknown users answer much faster: " + unknownMedian + " vs " + knownMedian + " ms");
    }

    // ---- sessions of disabled accounts and logged-out users ----

    @Test
    void aDisabledAccountLosesItsSessionAndItsSockets() throws Exception {
        Client proctor = Scenario.newUser("proctor");
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        proctor.webSocket("/ws/proctor-feed", closeCode(closed)).get(30, TimeUnit.SECONDS);
        proctor.expect(200, proctor.get("/api/session"));
        Client admin = Scenario.admin();
        admin.expect(204, admin.send("DELETE", "/api/accounts/" + proctor.username, null));

        assertEquals(1008, closed.get(10, TimeUnit.SECONDS), "the feed socket is closed (policy violation)");
        JsonObject refused = proctor.expect(401, proctor.get("/api/session"));
        assertEquals("ACCOUNT_DISABLED", refused.getString("error"));
        assertEquals(302, proctor.get("/proctor/index.xhtml").statusCode(), "the session is gone: to the login page");
        assertTrue(audited("SESSION_ENDED", proctor.username));
        assertEquals(401, login(freshAddress(), proctor.username, Client.IT_PASSWORD).status());
    }

    @Test
    void logoutEndsTheSessionAndItsSockets() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies).build();
        Client proctor = Scenario.newUser("proctor");
        assertEquals(200, apiLogin(http, proctor.username, Client.IT_PASSWORD).statusCode());
        String session = sessionCookie(cookies);
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        CompletableFuture<String> hello = new CompletableFuture<>();
        HttpClient.newHttpClient().newWebSocketBuilder().header("Cookie", "JSESSIONID=" + session)
                .buildAsync(Server.wsUri("/ws/proctor-feed"), closeCode(closed, hello)).get(30, TimeUnit.SECONDS);
        // the feed's first message: the server has finished opening the socket (a logout racing the upgrade would
        // drop the connection without a close frame, 1006, and test nothing)
        assertTrue(hello.get(10, TimeUnit.SECONDS).contains("\"hello\""));

        HttpResponse<String> logout = http.send(HttpRequest.newBuilder(Server.uri("/api/session")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, logout.statusCode());
        assertEquals(1008, closed.get(10, TimeUnit.SECONDS), "the socket of the session is closed");
        HttpResponse<String> replay = Server.HTTP.send(HttpRequest.newBuilder(Server.uri("/api/session"))
                .header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, replay.statusCode(), "the old session cookie no longer works: " + replay.body());
    }

    // ---- headers, session fixation, TLS ----

    @Test
    void responsesCarryTheBrowserHardeningHeaders() throws Exception {
        for (HttpResponse<String> r : List.of(Server.get("/login.xhtml"), Server.get("/api/session"),
                Client.demo("proctor").get("/proctor/index.xhtml"))) {
            String what = r.request().uri() + " " + r.headers().map();
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null), what);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), what);
            assertEquals("same-origin", r.headers().firstValue("Referrer-Policy").orElse(null), what);
            List<String> policies = r.headers().allValues("Content-Security-Policy");
            assertTrue(policies.stream().anyMatch(p -> p.contains("frame-ancestors 'none'")), what);
        }
        HttpResponse<String> page = Server.get("/login.xhtml");
        String policies = String.join(" | ", page.headers().allValues("Content-Security-Policy"));
        Matcher nonce = Pattern.compile("script-src 'self' 'nonce-([^']+)'").matcher(policies);
        assertTrue(nonce.find(), "pages allow only their own and nonce'd scripts: " + policies);
        assertFalse(policies.contains("unsafe-eval"), policies);
        assertTrue(page.body().contains("nonce=\"" + nonce.group(1) + "\""), "PrimeFaces' scripts carry the nonce");
        assertTrue(Server.get("/api/session").headers().allValues("Content-Security-Policy").contains(
                "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"));

        HttpClient forger = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager()).build();
        FacesForm form = openLoginPage(forger);
        HttpResponse<String> forged = submitLoginPage(forger, new FacesForm(form.viewState(), "forged"), "", ""); // empty: no login is tried
        assertEquals(400, forged.statusCode(), "a form post without its page's nonce is refused, not a server error");
    }

    @Test
    void theSessionIdChangesAtLogin() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies).build();
        http.send(HttpRequest.newBuilder(Server.uri("/login.xhtml")).build(), HttpResponse.BodyHandlers.ofString());
        String before = sessionCookie(cookies);
        assertNotNull(before, "the login page opens a session");
        assertEquals(200, apiLogin(http, "proctor", "demo-proctor").statusCode());
        String after = sessionCookie(cookies);
        assertNotEquals(before, after, "API login: a new session id");
        HttpResponse<String> planted = Server.HTTP.send(HttpRequest.newBuilder(Server.uri("/api/session"))
                .header("Cookie", "JSESSIONID=" + before).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, planted.statusCode(), "the id known before the login is not logged in");

        CookieManager pageCookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(pageCookies).build();
        FacesForm form = openLoginPage(browser);
        String pageBefore = sessionCookie(pageCookies);
        HttpResponse<String> page = submitLoginPage(browser, form, "proctor", "demo-proctor");
        assertEquals(302, page.statusCode(), page.body());
        assertNotEquals(pageBefore, sessionCookie(pageCookies), "login page: a new session id");
        assertEquals(200, browser.send(HttpRequest.newBuilder(Server.uri("/proctor/index.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode(), "logged in with it");
    }

    @Test
    void theSessionCookieIsSecureOverTls() throws Exception {
        URI base = Server.uri("/");
        // WildFly's https listener has the http one's port offset; Payara's is its port base + 81
        int httpsPort = Integer.getInteger("it.https.port", base.getPort() - 8080 + 8443);
        URI https = URI.create("https://" + base.getHost() + ":" + httpsPort + base.getPath() + "api/session");
        HttpClient tls = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(trustingEveryCertificate()).connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> overTls = tls.send(jsonLogin(https, "proctor", "demo-proctor"), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, overTls.statusCode(), overTls.body());
        String secureCookie = overTls.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertTrue(secureCookie.toLowerCase().contains("secure"), secureCookie);
        HttpResponse<String> plain = Server.HTTP.send(jsonLogin(Server.uri("/api/session"), "proctor", "demo-proctor"),
                HttpResponse.BodyHandlers.ofString());
        String plainCookie = plain.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertFalse(plainCookie.toLowerCase().contains("secure"), "plain HTTP keeps working: " + plainCookie);
    }

    // ---- helpers ----

    /** A loopback address of this test alone (Linux routes all of 127.0.0.0/8 to the loopback interface). */
    static String freshAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "127." + r.nextInt(1, 255) + "." + r.nextInt(0, 256) + "." + r.nextInt(1, 255);
    }

    static Loopback.Reply login(String fromAddress, String username, String password) throws Exception {
        return Loopback.post(fromAddress, "/api/session", Json.createObjectBuilder().add("username", username)
                .add("password", password).build());
    }

    static long timedFailure(String address, String username) throws Exception {
        long start = System.nanoTime();
        assertEquals(401, login(address, username, "wrong-password").status());
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    static HttpRequest jsonLogin(URI uri, String username, String password) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                .ofString(Json.createObjectBuilder().add("username", username).add("password", password).build().toString())).build();
    }

    static HttpResponse<String> apiLogin(HttpClient http, String username, String password) throws Exception {
        return http.send(jsonLogin(Server.uri("/api/session"), username, password), HttpResponse.BodyHandlers.ofString());
    }

    /** Logs in on login.xhtml as a browser does: the page (session and view state), then the form. */
    static HttpResponse<String> loginPage(CookieManager cookies, String username, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies).build();
        return submitLoginPage(browser, openLoginPage(browser), username, password);
    }

    /** GET login.xhtml; returns what the form posts back. */
    static FacesForm openLoginPage(HttpClient browser) throws Exception {
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(Server.uri("/login.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher viewState = VIEW_STATE.matcher(form.body());
        assertTrue(viewState.find(), form.body());
        Matcher nonce = NONCE.matcher(String.join(" ", form.headers().allValues("Content-Security-Policy")));
        assertTrue(nonce.find(), form.headers().map().toString());
        return new FacesForm(viewState.group(1), nonce.group(1));
    }

    static HttpResponse<String> submitLoginPage(HttpClient browser, FacesForm form, String username, String password)
            throws Exception {
        String body = "login=login&login%3Ausername=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&login%3Apassword=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&login%3Asubmit=&jakarta.faces.ViewState=" + URLEncoder.encode(form.viewState(), StandardCharsets.UTF_8)
                + (form.nonce() == null ? "" : "&primefaces.nonce=" + URLEncoder.encode(form.nonce(), StandardCharsets.UTF_8));
        return browser.send(HttpRequest.newBuilder(Server.uri("/login.xhtml")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String sessionCookie(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    static boolean audited(String action, String actor) throws Exception {
        return !Scenario.audit(actor, action, null, null).isEmpty();
    }

    static WebSocket.Listener closeCode(CompletableFuture<Integer> closed) {
        return closeCode(closed, new CompletableFuture<>());
    }

    /** The same, completing {@code first} with the first text message. */
    static WebSocket.Listener closeCode(CompletableFuture<Integer> closed, CompletableFuture<String> first) {
        return new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                first.complete(data.toString());
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                closed.completeExceptionally(error);
            }
        };
    }

    static SSLContext trustingEveryCertificate() throws Exception {
        // the test server's certificate is self-signed: WildFly's, made at its first TLS handshake, for localhost;
        // Payara's, made with the domain, for the machine's host name. An extended trust manager is asked about the
        // host name too (a plain one is wrapped in a check of it), and accepts it as every certificate.
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[]{new X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return context;
    }
}
