package org.campusproctor.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The API as an attacker sees it: every endpoint with who may call it, and a small world to aim at (an exam, the
 * running attempt of one candidate with its assigned proctor, a flagged incident, a spare account) with a logged-in
 * client for every kind of caller. Shared by the fuzz run and the authorisation matrix.
 */
final class ApiSurface {

    /** Who a request is sent as. */
    enum As { ANONYMOUS, OWNER, OTHER_CANDIDATE, ASSIGNED_PROCTOR, OTHER_PROCTOR, REGISTRAR, ADMIN }

    /** What a request's body is. */
    /** What an endpoint reads: nothing, JSON, an image, or any bytes at all (nothing in them can be malformed). */
    enum Body { NONE, JSON, IMAGE, ANY_BYTES }

    /**
     * An endpoint: method, path template ({attempt}, {question}, {exam}, {registration}, {user}, {media}, {incident},
     * {execution}, {sequence}), who may call it on the real resources, and its body.
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
            new Endpoint("GET", "/api/exams/{exam}/questions/file", REGISTRY, Body.NONE, null),
            new Endpoint("POST", "/api/exams/{exam}/questions/file", REGISTRY, Body.JSON,
                    "{\"format\":1,\"questions\":[{\"type\":\"ESSAY\",\"prompt\":\"forged\",\"points\":1}]}"),
            new Endpoint("POST", "/api/exams/{exam}/registrations", REGISTRY, Body.JSON, "{\"candidate\":\"candidate2\"}"),
            new Endpoint("PUT", "/api/registrations/{registration}/enrolment-photo", REGISTRY, Body.IMAGE, null),
            new Endpoint("POST", "/api/registrations/{registration}/attempt", Set.of(As.OWNER), Body.NONE, null),
            new Endpoint("GET", "/api/attempts/{attempt}", Set.of(As.OWNER, As.ASSIGNED_PROCTOR, As.REGISTRAR, As.ADMIN),
                    Body.NONE, null),
            new Endpoint("POST", "/api/attempts/{attempt}/identity-check", Set.of(As.OWNER), Body.NONE, null),
            new Endpoint("POST", "/api/attempts/{attempt}/identity-photo", Set.of(As.OWNER), Body.IMAGE, null),
            new Endpoint("GET", "/api/identity-checks", Set.of(As.ASSIGNED_PROCTOR, As.OTHER_PROCTOR, As.REGISTRAR, As.ADMIN),
                    Body.NONE, null),
            new Endpoint("POST", "/api/attempts/{attempt}/ready", Set.of(As.OWNER), Body.NONE, null),
            new Endpoint("POST", "/api/attempts/{attempt}/start", Set.of(As.OWNER), Body.NONE, null),
            new Endpoint("PUT", "/api/attempts/{attempt}/answers/{question}", Set.of(As.OWNER), Body.JSON,
                    "{\"response\":\"forged\",\"saveId\":\"fuzz\",\"sequence\":999999}"),
            new Endpoint("POST", "/api/attempts/{attempt}/submit", Set.of(As.OWNER), Body.NONE, null),
            new Endpoint("POST", "/api/attempts/{attempt}/browser-events", Set.of(As.OWNER), Body.JSON,
                    "{\"type\":\"TAB_HIDDEN\",\"severity\":\"LOW\",\"detail\":\"forged\"}"),
            new Endpoint("POST", "/api/attempts/{attempt}/frames", Set.of(As.OWNER), Body.IMAGE, null),
            new Endpoint("GET", "/api/attempts/{attempt}/screen-chunks", STAFF_OF_ATTEMPT, Body.NONE, null),
            new Endpoint("GET", "/api/attempts/{attempt}/screen-chunks/{sequence}", STAFF_OF_ATTEMPT, Body.NONE, null),
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
            new Endpoint("GET", "/api/jobs/executions", REGISTRY, Body.NONE, null),
            new Endpoint("GET", "/api/jobs/executions/{execution}/rejected", REGISTRY, Body.NONE, null),
            new Endpoint("POST", "/api/jobs/results-export", REGISTRY, Body.JSON, "{\"exam\":\"none\"}"),
            new Endpoint("POST", "/api/jobs/enrolment-import", REGISTRY, Body.JSON, "{\"csvFile\":\"none\"}"),
            new Endpoint("POST", "/api/jobs/reanalysis", Set.of(As.REGISTRAR), Body.JSON, "{\"attempt\":\"none\"}"),
            new Endpoint("GET", "/api/exams", REGISTRY, Body.NONE, null),
            new Endpoint("GET", "/api/exams/{exam}/registrations", REGISTRY, Body.NONE, null),
            new Endpoint("PUT", "/api/exams/{exam}/media-retention", REGISTRY, Body.JSON, "{\"days\":0}"),
            new Endpoint("PUT", "/api/exams/{exam}/incident-thresholds", REGISTRY, Body.JSON, "{\"maxYawDegrees\":-1}"),
            // an invalid duration: refused by validation, so the shared exam keeps its settings
            new Endpoint("PUT", "/api/exams/{exam}/settings", REGISTRY, Body.JSON,
                    "{\"title\":\"forged\",\"durationSeconds\":0,\"passingScore\":50}"),
            new Endpoint("GET", "/api/accounts", Set.of(As.ADMIN), Body.NONE, null),
            new Endpoint("POST", "/api/admin/dead-letters/frames.dlq/ID:none/replay", Set.of(As.ADMIN), Body.NONE, null),
            new Endpoint("PUT", "/api/accounts/{user}/password", Set.of(As.ADMIN), Body.JSON, "{\"password\":\"x\"}"),
            new Endpoint("PUT", "/api/registrations/{registration}/allowances", REGISTRY, Body.JSON,
                    "{\"extraTimeSeconds\":-1}"),
            new Endpoint("PUT", "/api/exams/{exam}/questions/{question}", REGISTRY, Body.JSON,
                    "{\"type\":\"TRUE_FALSE\",\"prompt\":\"x\",\"points\":1,\"correctBoolean\":true}"),
            new Endpoint("GET", "/api/audit/search", Set.of(As.ADMIN), Body.NONE, null),
            new Endpoint("GET", "/api/audit/export", Set.of(As.ADMIN), Body.NONE, null),
            new Endpoint("GET", "/api/frames/{media}/analysis", Set.of(As.ASSIGNED_PROCTOR, As.ADMIN), Body.NONE, null),
            new Endpoint("GET", "/api/frames/{media}/image", Set.of(As.ASSIGNED_PROCTOR, As.ADMIN), Body.NONE, null),
            new Endpoint("POST", "/api/attempts/{attempt}/incidents/{incident}/confirm", PROCTORING, Body.NONE, null),
            new Endpoint("GET", "/api/proctoring/exams", Set.of(As.ASSIGNED_PROCTOR, As.OTHER_PROCTOR, As.ADMIN), Body.NONE, null),
            new Endpoint("GET", "/api/proctoring/exams/{exam}/tiles", Set.of(As.ASSIGNED_PROCTOR, As.OTHER_PROCTOR, As.ADMIN),
                    Body.NONE, null),
            new Endpoint("GET", "/api/proctoring/exams/{exam}/figures", Set.of(As.ASSIGNED_PROCTOR, As.OTHER_PROCTOR, As.ADMIN),
                    Body.NONE, null),
            new Endpoint("GET", "/api/proctoring/review-queue", Set.of(As.ASSIGNED_PROCTOR, As.OTHER_PROCTOR, As.ADMIN),
                    Body.NONE, null),
            new Endpoint("GET", "/api/admin/dead-letters/frames.dlq", Set.of(As.ADMIN), Body.NONE, null),
            new Endpoint("POST", "/api/system/upload-test", Set.of(As.OWNER, As.OTHER_CANDIDATE, As.ASSIGNED_PROCTOR,
                    As.OTHER_PROCTOR, As.REGISTRAR, As.ADMIN), Body.ANY_BYTES, null));

    /** A page of the staff consoles (path template as above) and who may open it. */
    record Screen(String path, Set<As> allowed) {
    }

    private static final Set<As> ADMIN_ONLY = Set.of(As.ADMIN);
    private static final Set<As> PROCTORS = Set.of(As.ASSIGNED_PROCTOR, As.OTHER_PROCTOR, As.ADMIN);

    static final List<Screen> SCREENS = List.of(
            new Screen("/proctor/index.xhtml", PROCTORS),
            new Screen("/registrar/index.xhtml", REGISTRY),
            new Screen("/registrar/exams.xhtml", REGISTRY),
            new Screen("/registrar/exam.xhtml?id={exam}", REGISTRY),
            new Screen("/registrar/grading.xhtml?exam={exam}", REGISTRY),
            new Screen("/registrar/jobs.xhtml", REGISTRY),
            new Screen("/registrar/statistics.xhtml", REGISTRY),
            new Screen("/admin/index.xhtml", ADMIN_ONLY),
            new Screen("/admin/accounts.xhtml", ADMIN_ONLY),
            new Screen("/admin/audit.xhtml", ADMIN_ONLY),
            new Screen("/admin/system.xhtml", ADMIN_ONLY));

    final Map<As, Client> clients = new TreeMap<>();
    final Map<String, String> ids = new TreeMap<>();

    /** Builds the world through the public API. */
    static ApiSurface create() throws Exception {
        ApiSurface surface = new ApiSurface();
        surface.setUp();
        return surface;
    }

    /** The template with the real ids. */
    String path(String template) {
        String path = template;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        return path;
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
        ids.put("sequence", "0"); // the exam records no screen: no chunk, 404 for everyone
    }

}
