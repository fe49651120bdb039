package org.campusproctor.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonCollectors;
import org.campusproctor.it.ApiSurface.As;
import org.campusproctor.it.ApiSurface.Body;
import org.campusproctor.it.ApiSurface.Endpoint;
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

    private final Random random = new Random(SEED);
    private Map<As, Client> clients;
    private Map<String, String> ids;

    @Test
    void malformedAndForgedRequestsGetAClear4xxAndChangeNothing() throws Exception {
        ApiSurface surface = ApiSurface.create();
        clients = surface.clients;
        ids = surface.ids;
        Function<String, String> snapshot = this::snapshot;
        String before = snapshot.apply("");
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> unexpected = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            Endpoint e = ApiSurface.ENDPOINTS.get(random.nextInt(ApiSurface.ENDPOINTS.size()));
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
        assertTrue(unexpected.isEmpty(), "requests not refused with a 4xx (" + statuses + ", seed " + SEED + "):\n"
                + String.join("\n", unexpected));
        assertEquals(before, snapshot(""), "a refused request changed data");
        // still healthy: status up, and the owner can still work on the attempt
        assertEquals(200, Server.get("/api/system/status").statusCode());
        Client owner = clients.get(As.OWNER);
        owner.expect(200, owner.put("/api/attempts/" + ids.get("attempt") + "/answers/" + ids.get("question"),
                Scenario.save(ids.get("question"), "after the storm", "fuzz-after", 2)));
    }

    /** What must not change: the attempt, the exam and the victim account, as the admin reads them. */
    private String snapshot(String ignored) {
        try {
            Client admin = Scenario.admin();
            JsonObject attempt = admin.expect(200, admin.get("/api/attempts/" + ids.get("attempt")));
            JsonObject exam = admin.expect(200, admin.get("/api/exams/" + ids.get("exam")));
            // remaining time runs on, and the server itself may flag the attempt while the fuzz runs (its webcam is
            // silent for more than 30 s: WEBCAM_SILENT, with the risk score and version that follow); everything else
            // of the attempt must stay as it was
            JsonArray incidents = attempt.getJsonArray("incidents").stream().map(JsonValue::asJsonObject)
                    .filter(i -> !"SERVER".equals(i.getString("source"))).collect(JsonCollectors.toJsonArray());
            JsonObject stable = Json.createObjectBuilder(attempt).remove("remainingSeconds").remove("riskScore")
                    .remove("riskBand").remove("version").add("incidents", incidents).build();
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
            contentType = e.body() == Body.IMAGE || e.body() == Body.ANY_BYTES ? "image/jpeg" : "application/json";
            body = e.body() == Body.IMAGE || e.body() == Body.ANY_BYTES ? junkImage(true) : e.validJson() == null ? null : utf8(e.validJson());
        } else if (kind == 1 && e.path().contains("{")) {
            // anyone, on made-up, other people's or hostile ids
            as = As.values()[random.nextInt(As.values().length)];
            path = fill(e.path(), true);
            contentType = e.body() == Body.IMAGE || e.body() == Body.ANY_BYTES ? "image/jpeg" : "application/json";
            body = e.body() == Body.IMAGE || e.body() == Body.ANY_BYTES ? junkImage(true) : e.validJson() == null ? null : utf8(e.validJson());
        } else {
            // a caller who may do this, with a body that is not one (or a content type the endpoint does not take)
            List<As> allowed = new ArrayList<>(e.allowed());
            allowed.sort(null);
            as = allowed.get(random.nextInt(allowed.size()));
            path = fill(e.path(), false);
            if (e.body() == Body.NONE || e.body() == Body.ANY_BYTES || random.nextInt(4) == 0) {
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
