package org.campusproctor.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.campusproctor.contract.media.CraftedImages;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The media holes found by probing the running server: an image too large to decode is refused from its header;
 * uploads meet back-pressure (429) instead of an unbounded queue, and nothing accepted is dropped; media retention
 * keeps what is still needed, at least a day of everything, and cannot be started by a form.
 */
class HardeningMediaIT {

    private static final byte[] FACE = TestImages.file("../weights/testdata/images/single_frontal/cc0_interfaces_001_frontal.jpg");

    // ---- 1. decompression bomb ----------------------------------------------------------------------------------

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderAndNothingIsStored() throws Exception {
        Scenario.Running running = Scenario.running(3600);
        byte[] bomb = CraftedImages.pngBomb(20_000, 20_000);
        assertTrue(bomb.length < 64 * 1024, "a small upload: " + bomb.length + " bytes");

        long start = System.nanoTime();
        HttpResponse<String> frame = running.candidate().upload("/api/attempts/" + running.attemptId() + "/frames",
                "image/png", bomb);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(400, frame.statusCode(), frame.body());
        JsonObject error = Server.json(frame);
        assertEquals("DIMENSIONS_TOO_LARGE", error.getString("error"));
        assertTrue(error.getString("message").contains("20000x20000"), error.toString());
        assertTrue(millis < 5_000, "refused without decoding: " + millis + " ms");
        assertFalse(Files.exists(mediaDir().resolve(running.attemptId())), "no file of the attempt was stored");

        Client registrar = Client.demo("registrar");
        HttpResponse<String> photo = registrar.upload("PUT", "/api/registrations/" + running.registrationId()
                + "/enrolment-photo", "image/png", bomb);
        assertEquals(400, photo.statusCode(), photo.body());
        assertEquals("DIMENSIONS_TOO_LARGE", Server.json(photo).getString("error"));
        assertFalse(Files.exists(mediaDir().resolve("enrolment").resolve(running.registrationId())), "no photo stored");

        // a lying header: a sound JPEG whose frame header claims 20000x20000 is refused the same way
        byte[] jpeg = TestImages.syntheticJpeg(320, 240);
        int sof = sofOffset(jpeg);
        jpeg[sof + 5] = (byte) (20_000 >> 8);
        jpeg[sof + 6] = (byte) (20_000 & 0xFF);
        jpeg[sof + 7] = (byte) (20_000 >> 8);
        jpeg[sof + 8] = (byte) (20_000 & 0xFF);
        HttpResponse<String> lying = running.candidate().upload("/api/attempts/" + running.attemptId() + "/frames",
                "image/jpeg", jpeg);
        assertEquals(400, lying.statusCode(), lying.body());
        assertEquals("DIMENSIONS_TOO_LARGE", Server.json(lying).getString("error"));
        HttpResponse<String> truncated = running.candidate().upload("/api/attempts/" + running.attemptId() + "/frames",
                "image/jpeg", java.util.Arrays.copyOf(TestImages.syntheticJpeg(320, 240), 40));
        assertEquals("MALFORMED_IMAGE", Server.json(truncated).getString("error"));
        assertEquals(400, truncated.statusCode());

        // the attempt still takes an ordinary frame
        running.candidate().expect(202, running.candidate().upload("/api/attempts/" + running.attemptId() + "/frames",
                "image/jpeg", TestImages.syntheticJpeg(320, 240)));
    }

    // ---- 2. back-pressure ---------------------------------------------------------------------------------------

    @Test
    void anAttemptUploadingFasterThanAllowedGets429WithRetryAfterAndNothingAcceptedIsDropped() throws Exception {
        Scenario.Running running = Scenario.running(3600);
        String path = "/api/attempts/" + running.attemptId() + "/frames";
        List<String> accepted = new ArrayList<>();
        HttpResponse<String> refused = null;
        for (int i = 0; i < 12 && refused == null; i++) {
            HttpResponse<String> r = running.candidate().upload(path, "image/jpeg", TestImages.syntheticJpeg(320, 240));
            if (r.statusCode() == 202) {
                accepted.add(Server.json(r).getString("mediaId"));
            } else {
                refused = r;
            }
        }
        assertNotNull(refused, "12 frames back to back were all accepted");
        assertTrue(accepted.size() >= 5, "a burst of a few frames passes: " + accepted.size());
        assertEquals(429, refused.statusCode(), refused.body());
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 2, "Retry-After " + retryAfter);
        JsonObject body = Server.json(refused);
        assertEquals("FRAME_RATE_EXCEEDED", body.getString("error"));
        assertTrue(body.getJsonNumber("retryAfterMillis").longValue() > 0, body.toString());
        assertEquals(1000, body.getJsonNumber("minIntervalMillis").longValue(), body.toString());

        Thread.sleep(body.getJsonNumber("retryAfterMillis").longValue() + 50);
        accepted.add(running.candidate().expect(202, running.candidate().upload(path, "image/jpeg",
                TestImages.syntheticJpeg(320, 240))).getString("mediaId"));
        assertEquals(0, awaitAnalyses(accepted, 120), "every accepted frame is analysed");
    }

    @Test
    void aFullBacklogRefusesUploadsUntilTheWorkersCatchUpAndDropsNothing() throws Exception {
        JsonObject backlog = Server.json(Server.get("/api/system/status")).getJsonObject("frameBacklog");
        int maxPending = backlog.getInt("maxPending");
        assumeTrue(maxPending <= 50, "the test servers bound the backlog low (it.frames.max-pending)");

        Client registrar = Client.demo("registrar");
        JsonObject exam = Scenario.exam(registrar, 3600, false, Scenario.shortTexts(1));
        List<Scenario.Running> candidates = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Client candidate = Scenario.newUser("candidate");
            String registration = Scenario.register(registrar, exam.getString("id"), candidate, null, 0);
            candidates.add(new Scenario.Running(candidate, Scenario.startedAttempt(candidate, registration).getString("id"),
                    exam, registration));
        }
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger queueFull = new AtomicInteger();
        Queue<String> other = new ConcurrentLinkedQueue<>();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
        ExecutorService pool = Executors.newFixedThreadPool(candidates.size());
        try {
            List<Future<?>> uploads = new ArrayList<>();
            for (Scenario.Running c : candidates) {
                uploads.add(pool.submit(() -> {
                    while (System.nanoTime() < until && queueFull.get() < 5) {
                        HttpResponse<String> r = c.candidate().upload("/api/attempts/" + c.attemptId() + "/frames",
                                "image/jpeg", FACE);
                        if (r.statusCode() == 202) {
                            accepted.add(Server.json(r).getString("mediaId"));
                        } else if (r.statusCode() == 429) {
                            JsonObject body = Server.json(r);
                            if (body.getString("error").equals("FRAME_QUEUE_FULL")) {
                                queueFull.incrementAndGet();
                                assertTrue(r.headers().firstValue("Retry-After").isPresent());
                            }
                            Thread.sleep(Math.min(1_000, body.getJsonNumber("retryAfterMillis").longValue()));
                        } else {
                            other.add(r.statusCode() + " " + r.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : uploads) {
                f.get(90, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), List.copyOf(other), "only 202 and 429");
        assertTrue(queueFull.get() > 0, "the backlog passed " + maxPending + " and uploads were refused; accepted "
                + accepted.size());

        // the workers catch up: the backlog empties, every accepted frame is analysed, uploads are taken again
        assertEquals(0, awaitAnalyses(accepted, 300), "accepted frames are never dropped");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long awaiting;
        do {
            awaiting = Server.json(Server.get("/api/system/status")).getJsonObject("frameBacklog")
                    .getJsonNumber("awaitingAnalysis").longValue();
        } while (awaiting >= maxPending && System.nanoTime() < deadline && sleep(500));
        assertTrue(awaiting < maxPending, "backlog " + awaiting);
        Scenario.Running first = candidates.get(0);
        Thread.sleep(1_100);
        first.candidate().expect(202, first.candidate().upload("/api/attempts/" + first.attemptId() + "/frames",
                "image/jpeg", FACE));
    }

    // ---- 3. media retention -------------------------------------------------------------------------------------

    @Test
    void mediaRetentionNeedsAJsonBodyAndAtLeastADay() throws Exception {
        Client registrar = Client.demo("registrar");
        String job = "/api/jobs/media-retention";
        assertEquals(400, registrar.post(job, Json.createObjectBuilder().add("retentionDays", 0).build()).statusCode());
        assertEquals(400, registrar.post(job, Json.createObjectBuilder().add("retentionDays", -5).build()).statusCode());
        HttpResponse<String> inQuery = registrar.post(job + "?retentionDays=0", null);
        assertEquals(400, inQuery.statusCode(), "a parameter in the query is refused, never ignored: " + inQuery.body());
        // what an HTML form can send: url-encoded, multipart or text/plain, and nothing at all
        for (String type : new String[]{"application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "text/plain"}) {
            HttpResponse<String> form = registrar.http.send(HttpRequest.newBuilder(Server.uri(job))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString("retentionDays=0")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(415, form.statusCode(), type + ": " + form.body());
        }
        HttpResponse<String> empty = registrar.http.send(HttpRequest.newBuilder(Server.uri(job))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(empty.statusCode() == 415 || empty.statusCode() == 400, "no body: " + empty.statusCode());
        assertEquals(403, Scenario.newUser("candidate").post(job, Json.createObjectBuilder().add("retentionDays", 30)
                .build()).statusCode());

        JsonObject execution = MediaRetentionJobIT.runToEnd(registrar, Json.createObjectBuilder().add("retentionDays", 1).build());
        assertEquals("COMPLETED", execution.getString("batchStatus"), execution.toString());
    }

    @Test
    void mediaRetentionKeepsEvidenceOpenAttemptsInReviewAndOpenRegistrations() throws Exception {
        // media stored today is never purged: the test ages its own media in the database, on PostgreSQL
        assumeTrue(Server.DB.equals("postgresql"), "ages media rows through JDBC on the PostgreSQL execution");
        Client registrar = Client.demo("registrar");
        Client proctor = Client.demo("admin"); // proctors any attempt: these have no assigned proctor
        // an enrolment photo must show one live face (the vision worker checks it)
        byte[] photo = TestImages.file("../weights/testdata/images/single_frontal/cc0_interfaces_001_frontal.jpg");

        Scenario.Running running = Scenario.running(3600); // attempt still running
        Scenario.Running inReview = Scenario.running(3600); // submitted, review not final
        Scenario.Running finalised = Scenario.running(3600); // review FINAL
        String runningFrame = upload(running);
        String inReviewFrame = upload(inReview);
        String evidenceOwn = upload(finalised);
        String evidenceCited = upload(finalised);
        String purgeable = upload(finalised);
        enrol(registrar, running.registrationId(), photo);
        enrol(registrar, running.registrationId(), photo); // replaced: the first photo stays while the registration is open
        enrol(registrar, finalised.registrationId(), photo);

        proctor.expect(201, proctor.post("/api/attempts/" + finalised.attemptId() + "/incidents",
                incident(evidenceOwn)));
        proctor.expect(201, proctor.post("/api/attempts/" + finalised.attemptId() + "/incidents",
                incident(evidenceCited))); // a second incident of the attempt cites it
        inReview.candidate().expect(200, inReview.candidate().post("/api/attempts/" + inReview.attemptId() + "/submit", null));
        finalised.candidate().expect(200, finalised.candidate().post("/api/attempts/" + finalised.attemptId() + "/submit", null));
        proctor.expect(200, proctor.post("/api/attempts/" + finalised.attemptId() + "/review",
                Json.createObjectBuilder().add("decision", "CLEARED").build()));
        proctor.expect(200, proctor.post("/api/attempts/" + finalised.attemptId() + "/review",
                Json.createObjectBuilder().add("decision", "FINAL").build()));

        // registrations without an attempt: one on a published exam (open), one on an archived exam (closed)
        JsonObject openExam = Scenario.exam(registrar, 3600, false, Scenario.shortTexts(1));
        String waiting = Scenario.register(registrar, openExam.getString("id"), Scenario.newUser("candidate"), null, 0);
        enrol(registrar, waiting, photo);
        JsonObject archivedExam = Scenario.exam(registrar, 3600, false, Scenario.shortTexts(1));
        String neverTaken = Scenario.register(registrar, archivedExam.getString("id"), Scenario.newUser("candidate"), null, 0);
        enrol(registrar, neverTaken, photo);
        registrar.expect(200, registrar.post("/api/exams/" + archivedExam.getString("id") + "/archive", null));

        List<String> attempts = List.of(running.attemptId(), inReview.attemptId(), finalised.attemptId());
        List<String> registrations = List.of(running.registrationId(), finalised.registrationId(), waiting, neverTaken);
        try (Connection db = database()) {
            age(db, attempts, registrations);
            List<String> before = mediaIds(db, attempts, registrations);
            assertEquals(10, before.size(), before.toString());

            JsonObject dryRun = MediaRetentionJobIT.runToEnd(registrar,
                    Json.createObjectBuilder().add("retentionDays", 2).add("dryRun", true).build());
            assertEquals("WOULD-PURGE:3", dryRun.getString("exitStatus"), "a dry run counts what would go: " + dryRun);
            assertEquals(before, mediaIds(db, attempts, registrations), "and deletes nothing");
            long t0 = System.nanoTime();
            JsonObject execution = MediaRetentionJobIT.runToEnd(registrar,
                    Json.createObjectBuilder().add("retentionDays", 2).build());
            System.out.printf("RETENTION-PURGE objects=3 seconds=%.2f%n", (System.nanoTime() - t0) / 1e9);
            assertEquals("COMPLETED", execution.getString("batchStatus"), execution.toString());

            List<String> after = mediaIds(db, attempts, registrations);
            List<String> purged = new ArrayList<>(before);
            purged.removeAll(after);
            assertTrue(after.containsAll(List.of(runningFrame, inReviewFrame, evidenceOwn, evidenceCited)), after.toString());
            assertFalse(after.contains(purgeable), "the FINAL attempt's frame that is no evidence is purged");
            assertEquals(3, purged.size(), "the frame and the photos of the two closed registrations: " + purged);
            assertEquals(2, photosOf(db, running.registrationId()), "both photos of the running attempt's registration");
            assertEquals(1, photosOf(db, waiting));
            assertEquals(0, photosOf(db, finalised.registrationId()));
            assertEquals(0, photosOf(db, neverTaken));
            assertEquals(null, enrolmentMedia(db, finalised.registrationId()), "the closed registration forgets its photo");
            assertNotNull(enrolmentMedia(db, running.registrationId()));
            try (Stream<Path> files = Files.walk(mediaDir())) {
                List<String> left = files.map(Path::toString).filter(f -> purged.stream().anyMatch(f::contains)).toList();
                assertEquals(List.of(), left, "purged files are deleted");
            }
        }
        assertEquals(404, proctor.get("/api/frames/" + purgeable + "/analysis").statusCode());
        assertEquals(200, proctor.get("/api/frames/" + evidenceOwn + "/analysis").statusCode());
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** Waits until each frame has a recorded analysis; returns how many have none at the end. */
    static int awaitAnalyses(List<String> mediaIds, int seconds) throws Exception {
        Client proctor = Client.demo("admin"); // proctors any attempt: these have no assigned proctor
        List<String> missing = new ArrayList<>(mediaIds);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            missing.removeIf(id -> {
                try {
                    return proctor.get("/api/frames/" + id + "/analysis").statusCode() == 200;
                } catch (Exception e) {
                    return false;
                }
            });
            if (!missing.isEmpty()) {
                Thread.sleep(1_000);
            }
        }
        return missing.size();
    }

    private static boolean sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return true;
    }

    static Path mediaDir() {
        return Path.of(System.getProperty("it.media.dir"));
    }

    private static int sofOffset(byte[] jpeg) {
        for (int i = 2; i < jpeg.length - 1; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                return i;
            }
        }
        throw new AssertionError("no baseline frame header");
    }

    private static String upload(Scenario.Running attempt) throws Exception {
        return attempt.candidate().expect(202, attempt.candidate().upload("/api/attempts/" + attempt.attemptId()
                + "/frames", "image/jpeg", TestImages.syntheticJpeg(320, 240))).getString("mediaId");
    }

    private static void enrol(Client registrar, String registrationId, byte[] photo) throws Exception {
        registrar.expect(200, registrar.upload("PUT", "/api/registrations/" + registrationId + "/enrolment-photo",
                "image/jpeg", photo));
    }

    private static JsonObject incident(String evidence) {
        return Json.createObjectBuilder().add("type", "PHONE_SEEN").add("severity", "HIGH")
                .add("evidence", Json.createArrayBuilder().add(evidence)).add("detail", "seen on the frame").build();
    }

    private static Connection database() throws Exception {
        return DriverManager.getConnection(System.getProperty("it.jdbc.url"), System.getProperty("it.jdbc.user"),
                System.getProperty("it.jdbc.password"));
    }

    private static void age(Connection db, List<String> attempts, List<String> registrations) throws Exception {
        try (PreparedStatement s = db.prepareStatement("UPDATE stored_media SET stored_at = stored_at - INTERVAL '3 days'"
                + " WHERE attempt_id = ANY (?) OR registration_id = ANY (?)")) {
            s.setArray(1, db.createArrayOf("varchar", attempts.toArray()));
            s.setArray(2, db.createArrayOf("varchar", registrations.toArray()));
            assertEquals(10, s.executeUpdate());
        }
    }

    private static List<String> mediaIds(Connection db, List<String> attempts, List<String> registrations) throws Exception {
        try (PreparedStatement s = db.prepareStatement("SELECT id FROM stored_media WHERE attempt_id = ANY (?)"
                + " OR registration_id = ANY (?) ORDER BY id")) {
            s.setArray(1, db.createArrayOf("varchar", attempts.toArray()));
            s.setArray(2, db.createArrayOf("varchar", registrations.toArray()));
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    private static int photosOf(Connection db, String registrationId) throws Exception {
        try (PreparedStatement s = db.prepareStatement("SELECT COUNT(*) FROM stored_media WHERE registration_id = ?")) {
            s.setString(1, registrationId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static String enrolmentMedia(Connection db, String registrationId) throws Exception {
        try (PreparedStatement s = db.prepareStatement("SELECT enrolment_media_id FROM registration WHERE id = ?")) {
            s.setString(1, registrationId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
