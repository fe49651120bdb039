package org.campusproctor.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An attacker's run against the whole API: thousands of malformed or forged requests (random bytes as frames,
 * truncated, huge and deeply nested JSON, wrong content types, other users' and made-up ids, every endpoint by every
 * role that may not call it). Every one must get a clear 4xx — no 5xx, no 2xx — and afterwards nothing has changed
 * and the server still serves its users. Seeded, so a failure can be replayed ({@code -Dit.fuzz.seed=...}).
 */
class FuzzIT {

    private static final int REQUESTS = Integer.getInteger("it.fuzz.requests", 10_000);
    private static final long SEED = Long.getLong("it.fuzz.seed", 20261130L);

    /** Who a request is sent as. */
    enum As { ANONYMOUS, OWNER, OTHER_CANDIDATE, ASSIGNED_PROCTOR, OTHER_PROCTOR, REGISTRAR, ADMIN }

    /** What a request's body is. */
    enum Body { NONE, JSON, IMAGE }

    /**
     * An endpoint: method, path template ({attempt}, {question}, {exam}, {registration}, {user}, {media}, {incident},
     * {execution}), who may call it on the real resources, and its body.
     */
    record Endpoint(String method, String path, Set<As> allowed, Body body, String validJson) {
    }

    private static final Set<As> STAFF_OF_ATTEMPT = Set.of(As.ASSIGNED_PROCTOR, As.REGISTRAR, As.ADMIN);
    private static final Set<As> PROCTORING = Set.of(As.ASSIGNED_PROCTOR, As.ADMIN);
    private static final Set<As> REGISTRY = Set.of(As.REGISTRAR, As.ADMIN);

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/api/accounts", Set.of(As.ADMIN), Body.JSON,
                    "{\"username\":\"fuzz-new\",\"password\":\"fuzz-password-1234\",\"displayName\":\"F\",\"roles\":[\"admin\"]}"),
            new Endpoint("DELETE", "/api/accounts/{user}", Set.of(As.ADMIN), Body.NONE, null),
            new Endpoint("GET", "/api/audit", Set.of(As.ADMIN), Body.NONE, null),
            new Endpoint("POST", "/api/exams", REGISTRY, Body.JSON, "{\"title\":\"fuzz\",\"durationSeconds\":60}"),
            new Endpoint("GET", "/api/exams/{exam}", REGISTRY, Body.NONE, null),
            new Endpoint("POST", "/api/exams/{exam}/questions", REGISTRY, Body.JSON,
                    "{\"type\":\"TRUE_FALSE\",\"prompt\":\"x\",\"points\":1,\"correctBoolean\":true}"),
            new Endpoint("PUT", "/api/exams/{exam}/questions/{question}/key", REGISTRY, Body.JSON,
                    "{\"type\":\"SHORT_TEXT\",\"acceptedAnswers\":[\"anything\"]}"),
            new Endpoint("POST", "/api/exams/{exam}/archive", REGISTRY, Body.NONE, null),
            new Endpoint("POST", "/api/exams/{exam}/registrations", REGISTRY, Body.JSON, "{\"candidate\":\"candidate2\"}"),
            new Endpoint("PUT", "/api/registrations/{registration}/enrolment-photo", REGISTRY, Body.IMAGE, null),
            new Endpoint("POST", "/api/registrations/{registration}/attempt", Set.of(As.OWNER), Body.NONE, null),
            new Endpoint("GET", "/api/attempts/{attempt}", Set.of(As.OWNER, As.ASSIGNED_PROCTOR, As.REGISTRAR, As.ADMIN),
                    Body.NONE, null),
            new Endpoint("POST", "/api/attempts/{attempt}/identity-check", Set.of(As.OWNER), Body.NONE, null),
            new Endpoint("POST", "/api/attempts/{attempt}/ready", Set.of(As.OWNER), Body.NONE, null),
            new Endpoint("POST", "/api/attempts/{attempt}/start", Set.of(As.OWNER), Body.NONE, null),
            new Endpoint("PUT", "/api/attempts/{attempt}/answers/{question}", Set.of(As.OWNER), Body.JSON,
                    "{\"response\":\"forged\",\"saveId\":\"fuzz\",\"sequence\":999999}"),
            new Endpoint("POST", "/api/attempts/{attempt}/submit", Set.of(As.OWNER), Body.NONE, null),
            new Endpoint("POST", "/api/attempts/{attempt}/browser-events", Set.of(As.OWNER), Body.JSON,
                    "{\"type\":\"TAB_HIDDEN\",\"severity\":\"LOW\",\"detail\":\"forged\"}"),
            new Endpoint("POST", "/api/attempts/{attempt}/frames", Set.of(As.OWNER), Body.IMAGE, null),
            new Endpoint("POST", "/api/attempts/{attempt}/identity-verified", PROCTORING, Body.NONE, null),
            new Endpoint("POST", "/api/attempts/{attempt}/pause", PROCTORING, Body.JSON, "{\"reason\":\"forged\"}"),
            new Endpoint("POST", "/api/attempts/{attempt}/resume", PROCTORING, Body.NONE, null),
            new Endpoint("POST", "/api/attempts/{attempt}/terminate", PROCTORING, Body.JSON, "{\"reason\":\"forged\"}"),
            new Endpoint("POST", "/api/attempts/{attempt}/error", PROCTORING, Body.JSON, "{\"reason\":\"forged\"}"),
            new Endpoint("POST", "/api/attempts/{attempt}/time", PROCTORING, Body.JSON, "{\"seconds\":600,\"reason\":\"forged\"}"),
            new Endpoint("POST", "/api/attempts/{attempt}/messages", PROCTORING, Body.JSON, "{\"text\":\"forged\"}"),
            new Endpoint("POST", "/api/attempts/{attempt}/incidents", PROCTORING, Body.JSON,
                    "{\"type\":\"OTHER\",\"severity\":\"CRITICAL\",\"detail\":\"forged\"}"),
            new Endpoint("GET", "/api/attempts/{attempt}/timeline", STAFF_OF_ATTEMPT, Body.NONE, null),
            new Endpoint("POST", "/api/attempts/{attempt}/review", PROCTORING, Body.JSON,
                    "{\"decision\":\"SUSPICIOUS\",\"reason\":\"forged\"}"),
            new Endpoint("POST", "/api/attempts/{attempt}/incidents/{incident}/dismiss", PROCTORING, Body.JSON,
                    "{\"reason\":\"forged\"}"),
            new Endpoint("PUT", "/api/attempts/{attempt}/answers/{question}/grade", REGISTRY, Body.JSON,
                    "{\"points\":5,\"comment\":\"forged\"}"),
            new Endpoint("POST", "/api/jobs/media-retention", REGISTRY, Body.JSON, "{\"retentionDays\":0}"),
            new Endpoint("GET", "/api/jobs/executions/{execution}", REGISTRY, Body.NONE, null),
            new Endpoint("GET", "/api/frames/{media}/analysis", Set.of(As.ASSIGNED_PROCTOR, As.ADMIN), Body.NONE, null),
            new Endpoint("GET", "/api/admin/dead-letters/frames.dlq", Set.of(As.ADMIN), Body.NONE, null));

    private final Random random = new Random(SEED);
    private final Map<As, Client> clients = new TreeMap<>();
    private final Map<String, String> ids = new TreeMap<>();

    @Test
    void malformedAndForgedRequestsGetAClear4xxAndChangeNothing() throws Exception {
        setUp();
        Function<String, String> snapshot = this::snapshot;
        String before = snapshot.apply("");
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> unexpected = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            Endpoint e = ENDPOINTS.get(random.nextInt(ENDPOINTS.size()));
            String[] request = new String[1];
            HttpResponse<String> r = send(e, request);
            statuses.merge(r.statusCode(), 1, Integer::sum);
            if (r.statusCode() < 400 || r.statusCode() >= 500) {
                if (unexpected.size() < 20) {
                    unexpected.add(r.statusCode() + " for " + request[0] + ": " + abbreviate(r.body()));
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("fuzz %s: %d requests in %.1f s, statuses %s, seed %d%n", Server.DB, REQUESTS, seconds,
                statuses, SEED);
        assertTrue(unexpected.isEmpty(), "requests not refused with a 4xx (" + statuses + "):\n" + String.join("\n", unexpected));
        assertEquals(before, snapshot(""), "a refused request changed data");
        // still healthy: status up, and the owner can still work on the attempt
        assertEquals(200, Server.get("/api/system/status").statusCode());
        Client owner = clients.get(As.OWNER);
        owner.expect(200, owner.put("/api/attempts/" + ids.get("attempt") + "/answers/" + ids.get("question"),
                Scenario.save(ids.get("question"), "after the storm", "fuzz-after", 2)));
    }

    private void setUp() throws Exception {
        Client registrar = Client.demo("registrar");
        Client owner = Scenario.newUser("candidate");
        Client other = Scenario.newUser("candidate");
        Client assigned = Scenario.newUser("proctor");
        JsonObject exam = Scenario.exam(registrar, 3600, false, Scenario.everyType());
        String registration = Scenario.register(registrar, exam.getString("id"), owner, assigned, 0);
        JsonObject attempt = Scenario.startedAttempt(owner, registration);
        String question = exam.getJsonArray("questions").getJsonObject(3).getString("id");
        owner.expect(200, owner.put("/api/attempts/" + attempt.getString("id") + "/answers/" + question,
                Scenario.save(question, "Paris", "fuzz-before", 1)));
        JsonObject flagged = assigned.expect(201, assigned.post("/api/attempts/" + attempt.getString("id") + "/incidents",
                Json.createObjectBuilder().add("type", "OTHER").add("severity", "LOW").add("detail", "seen").build()));
        Client victim = Scenario.newUser("candidate");

        clients.put(As.ANONYMOUS, Client.anonymous());
        clients.put(As.OWNER, owner);
        clients.put(As.OTHER_CANDIDATE, other);
        clients.put(As.ASSIGNED_PROCTOR, assigned);
        clients.put(As.OTHER_PROCTOR, Scenario.newUser("proctor"));
        clients.put(As.REGISTRAR, registrar);
        clients.put(As.ADMIN, Scenario.admin());
        ids.put("attempt", attempt.getString("id"));
        ids.put("question", question);
        ids.put("exam", exam.getString("id"));
        ids.put("registration", registration);
        ids.put("user", victim.username);
        ids.put("incident", flagged.getString("id"));
        ids.put("media", "00000000-0000-0000-0000-000000000000");
        ids.put("execution", "1");
    }

    /** What must not change: the attempt, the exam and the victim account, as the admin reads them. */
    private String snapshot(String ignored) {
        try {
            Client admin = Scenario.admin();
            JsonObject attempt = admin.expect(200, admin.get("/api/attempts/" + ids.get("attempt")));
            JsonObject exam = admin.expect(200, admin.get("/api/exams/" + ids.get("exam")));
            // remaining time runs on; everything else of the attempt must stay as it was
            JsonObject stable = Json.createObjectBuilder(attempt).remove("remainingSeconds").build();
            Client.login(ids.get("user"), Client.IT_PASSWORD); // the victim account still works
            return stable + "\n" + exam;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** One forged or malformed request to the endpoint; request[0] describes it. */
    private HttpResponse<String> send(Endpoint e, String[] request) throws Exception {
        As as;
        String path;
        String contentType;
        byte[] body;
        int kind = random.nextInt(3);
        boolean readWithoutIds = (e.method().equals("GET") || e.method().equals("DELETE")) && !e.path().contains("{");
        boolean forgedCaller = (kind == 0 || readWithoutIds) && e.allowed().size() < As.values().length;
        if (forgedCaller) {
            // a caller who may not do this, on the real resources, with a well-formed request
            List<As> refused = new ArrayList<>();
            for (As a : As.values()) {
                if (!e.allowed().contains(a)) {
                    refused.add(a);
                }
            }
            as = refused.get(random.nextInt(refused.size()));
            path = fill(e.path(), false);
            contentType = e.body() == Body.IMAGE ? "image/jpeg" : "application/json";
            body = e.body() == Body.IMAGE ? junkImage(true) : e.validJson() == null ? null : utf8(e.validJson());
        } else if (kind == 1 && e.path().contains("{")) {
            // anyone, on made-up, other people's or hostile ids
            as = As.values()[random.nextInt(As.values().length)];
            path = fill(e.path(), true);
            contentType = e.body() == Body.IMAGE ? "image/jpeg" : "application/json";
            body = e.body() == Body.IMAGE ? junkImage(true) : e.validJson() == null ? null : utf8(e.validJson());
        } else {
            // a caller who may do this, with a body that is not one (or a content type the endpoint does not take)
            List<As> allowed = new ArrayList<>(e.allowed());
            allowed.sort(null);
            as = allowed.get(random.nextInt(allowed.size()));
            path = fill(e.path(), false);
            if (e.body() == Body.NONE || random.nextInt(4) == 0) {
                if (e.method().equals("GET") || e.method().equals("DELETE")) {
                    // nothing malformed to send to a read or a delete by its rightful caller: forge the id instead
                    path = fill(e.path(), true);
                    contentType = null;
                    body = null;
                } else {
                    contentType = pick("text/plain", "application/xml", "application/x-www-form-urlencoded",
                            "multipart/form-data; boundary=x", "text/html");
                    body = utf8("a=1&b=2");
                }
            } else if (e.body() == Body.IMAGE) {
                contentType = pick("image/jpeg", "image/png", "application/octet-stream");
                body = junkImage(false);
            } else {
                contentType = "application/json";
                body = malformedJson(e.validJson());
            }
        }
        request[0] = e.method() + " " + abbreviate(path) + " as " + as + " (" + contentType + ", "
                + (body == null ? 0 : body.length) + " bytes)";
        return clients.get(as).raw(e.method(), path, contentType, body);
    }

    /** The template with the real ids; when {@code hostile}, at least one of them replaced by a forged one. */
    private String fill(String template, boolean hostile) {
        List<String> present = ids.keySet().stream().filter(k -> template.contains("{" + k + "}")).toList();
        String forged = hostile && !present.isEmpty() ? present.get(random.nextInt(present.size())) : null;
        String path = template;
        for (String key : present) {
            boolean forge = key.equals(forged) || (hostile && random.nextBoolean());
            path = path.replace("{" + key + "}", forge ? hostileId() : ids.get(key));
        }
        return path;
    }

    private String hostileId() {
        return switch (random.nextInt(8)) {
            case 0 -> java.util.UUID.randomUUID().toString();
            case 1 -> enc("../../../etc/passwd");
            case 2 -> "a".repeat(2000 + random.nextInt(4000));
            case 3 -> enc("' OR '1'='1");
            case 4 -> enc("\u0000\u202e\uD83D\uDE00");
            case 5 -> "-1";
            case 6 -> enc("%00");
            default -> Long.toString(random.nextLong());
        };
    }

    /** Bytes that are no image: random, or a magic number followed by rubbish when {@code anyMagic}. */
    private byte[] junkImage(boolean anyMagic) {
        byte[] b = new byte[random.nextInt(5) == 0 ? 2 * 1024 * 1024 + 1 + random.nextInt(1024) : 1 + random.nextInt(20_000)];
        random.nextBytes(b);
        if (!anyMagic && b.length > 2 && (b[0] & 0xFF) == 0xFF) {
            b[0] = 0; // the owner's frames must never be images: a real one would be accepted, and change data
        }
        if (!anyMagic && b.length > 3 && (b[0] & 0xFF) == 0x89) {
            b[0] = 0;
        }
        return b;
    }

    private byte[] malformedJson(String valid) {
        return switch (random.nextInt(7)) {
            case 0 -> utf8(valid.substring(0, random.nextInt(valid.length() - 1))); // truncated
            case 1 -> { // random bytes
                byte[] b = new byte[1 + random.nextInt(4096)];
                random.nextBytes(b);
                yield b;
            }
            case 2 -> utf8("[".repeat(20_000 + random.nextInt(100_000))); // deeply nested
            case 3 -> utf8("{\"x\":\"" + "A".repeat(2_000_000) + "\""); // huge and unterminated
            case 4 -> utf8(valid.substring(0, valid.length() - 1) + ",}"); // a trailing comma
            case 5 -> utf8("\uFEFF" + valid.substring(0, valid.length() / 2));
            default -> utf8("{\"a\":1}}}{]");
        };
    }

    private String pick(String... values) {
        return values[random.nextInt(values.length)];
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
