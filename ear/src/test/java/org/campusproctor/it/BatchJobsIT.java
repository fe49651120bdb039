package org.campusproctor.it;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The registrar's Jakarta Batch jobs on the real server: the enrolment import (good and bad rows, a second run that
 * adds nothing, a stop and a restart from the checkpoint, the rate of a 10,000-row file) and the results export (CSV
 * and PDF that open and hold the right numbers).
 */
class BatchJobsIT {

    private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "ABANDONED", "STOPPED");

    @Test
    void enrolmentImportCreatesExactlyTheGoodRowsAndASecondRunAddsNothing() throws Exception {
        Client registrar = Client.demo("registrar");
        Client admin = Scenario.admin();
        String exam = Scenario.exam(registrar, 3600, true, Scenario.shortTexts(1)).getString("id");
        Client existing = Scenario.newUser("candidate");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String ann = "imp-ann-" + tag;
        String bob = "imp-bob-" + tag;
        String badPhoto = "imp-badphoto-" + tag;
        String csv = "username,displayName,exam,extraTimeMinutes,accommodations,photo\n"
                + ann + ",Ann Import," + exam + ",,,photos/ann.jpg\n"              // 2 new account + photo
                + bob + ",\"Bob, Import\"," + exam + ",15,large print,\n"         // 3 new account, 15 min
                + existing.username + ",Existing," + exam + ",,,\n"              // 4 existing candidate
                + "short,row\n"                                                  // 5 malformed
                + ann + ",Ann Again," + exam + ",,,\n"                          // 6 duplicate of 2
                + "imp-x-" + tag + ",X,no-such-exam,,,\n"                        // 7 unknown exam
                + badPhoto + ",Bad Photo," + exam + ",,,bad.jpg\n"               // 8 bad photo
                + "proctor,Staff," + exam + ",,,\n"                              // 9 staff username
                + "imp-nophoto-" + tag + ",No Photo," + exam + ",,,missing.jpg\n" // 10 photo not in the zip
                + "imp-y-" + tag + ",Y," + exam + ",ten,,\n";                    // 11 bad number
        String csvId = upload(registrar, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        String zipId = upload(registrar, "application/zip", zip(Map.of("photos/ann.jpg", IdentityVerificationIT.A_ENROLMENT,
                "bad.jpg", "not an image".getBytes(StandardCharsets.US_ASCII))));
        JsonObject parameters = Json.createObjectBuilder().add("csvFile", csvId).add("photosFile", zipId).build();

        JsonObject first = run(registrar, "enrolment-import", parameters, 120);
        assertEquals("COMPLETED", first.getString("batchStatus"), first.toString());
        Map<String, Long> counts = counts(first);
        assertEquals(Map.of("accountsCreated", 2L, "registrationsCreated", 3L, "photosStored", 1L, "unchanged", 0L,
                "rejected", 7L), counts, first.toString());
        JsonObject step = first.getJsonArray("steps").getJsonObject(0);
        assertEquals(10, step.getJsonNumber("total").longValue());
        assertEquals(100, step.getInt("percent"));
        assertEquals(7, first.getJsonNumber("rejected").longValue());

        JsonArray rejects = Server.jsonArray(registrar.get("/api/jobs/executions/" + first.getJsonNumber("executionId")
                + "/rejected?size=50"));
        Map<Long, String> byLine = new TreeMap<>();
        rejects.forEach(r -> byLine.put(r.asJsonObject().getJsonNumber("line").longValue(), r.asJsonObject().getString("reason")));
        assertEquals(List.of(5L, 6L, 7L, 8L, 9L, 10L, 11L), List.copyOf(byLine.keySet()), rejects.toString());
        assertTrue(byLine.get(5L).contains("columns"), byLine.get(5L));
        assertTrue(byLine.get(6L).contains("duplicate of line 2"), byLine.get(6L));
        assertTrue(byLine.get(7L).contains("unknown exam"), byLine.get(7L));
        assertTrue(byLine.get(8L).contains("photo bad.jpg refused"), byLine.get(8L));
        assertTrue(byLine.get(9L).contains("not a candidate"), byLine.get(9L));
        assertTrue(byLine.get(10L).contains("not in the photos archive"), byLine.get(10L));
        assertTrue(byLine.get(11L).contains("extraTimeMinutes"), byLine.get(11L));

        JsonObject registrations = registrar.expect(200, registrar.get("/api/exams/" + exam + "/registrations?size=50"));
        assertEquals(3, registrations.getJsonNumber("total").longValue(), registrations.toString());
        Map<String, JsonObject> byCandidate = new TreeMap<>();
        registrations.getJsonArray("items").forEach(r -> byCandidate.put(r.asJsonObject().getString("candidate"), r.asJsonObject()));
        assertEquals(Set.of(ann, bob, existing.username), byCandidate.keySet());
        assertTrue(byCandidate.get(ann).getBoolean("enrolmentPhoto"));
        assertEquals(900, byCandidate.get(bob).getJsonNumber("extraTimeSeconds").longValue());
        assertEquals("large print", byCandidate.get(bob).getString("accommodations"));
        JsonObject accounts = admin.expect(200, admin.get("/api/accounts?query=" + tag + "&size=50"));
        assertEquals(2, accounts.getJsonNumber("total").longValue(), "no account for a rejected row: " + accounts);
        accounts.getJsonArray("items").forEach(a -> assertFalse(a.asJsonObject().getBoolean("hasPassword")));

        // an imported account cannot log in until an admin sets its password
        assertEquals(401, Client.anonymous().post("/api/session", Json.createObjectBuilder().add("username", ann)
                .add("password", "!none").build()).statusCode());
        admin.expect(204, admin.put("/api/accounts/" + ann + "/password",
                Json.createObjectBuilder().add("password", Client.IT_PASSWORD).build()));
        Client.login(ann, Client.IT_PASSWORD);

        JsonObject second = run(registrar, "enrolment-import", parameters, 120);
        assertEquals("COMPLETED", second.getString("batchStatus"), second.toString());
        assertEquals(Map.of("accountsCreated", 0L, "registrationsCreated", 0L, "photosStored", 0L, "unchanged", 3L,
                "rejected", 7L), counts(second), second.toString());
        assertEquals(3, registrar.expect(200, registrar.get("/api/exams/" + exam + "/registrations"))
                .getJsonNumber("total").longValue());
    }

    @Test
    void importParametersAndFilesAreChecked() throws Exception {
        Client registrar = Client.demo("registrar");
        String noHeader = upload(registrar, "text/csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, registrar.post("/api/jobs/enrolment-import", Json.createObjectBuilder()
                .add("csvFile", noHeader).build()).statusCode());
        assertEquals(404, registrar.post("/api/jobs/enrolment-import", Json.createObjectBuilder()
                .add("csvFile", "no-such-file").build()).statusCode());
        assertEquals(400, registrar.upload("/api/jobs/files", "application/zip", "not a zip".getBytes()).statusCode());
        assertEquals(415, registrar.upload("/api/jobs/files", "text/plain", "username\n".getBytes()).statusCode());
        assertEquals(403, Scenario.newUser("candidate").upload("/api/jobs/files", "text/csv", "x\n".getBytes()).statusCode());
        assertEquals(404, registrar.post("/api/jobs/results-export", Json.createObjectBuilder().add("exam", "nope").build())
                .statusCode());
    }

    @Test
    void importStoppedMidwayRestartsFromItsCheckpoint() throws Exception {
        Client registrar = Client.demo("registrar");
        String exam = Scenario.exam(registrar, 3600, false, Scenario.shortTexts(1)).getString("id");
        int rows = 3000;
        String csvId = upload(registrar, "text/csv", bulk("rst", exam, rows));
        HttpResponse<String> started = registrar.post("/api/jobs/enrolment-import",
                Json.createObjectBuilder().add("csvFile", csvId).build());
        assertEquals(202, started.statusCode(), started.body());
        long id = Server.json(started).getJsonNumber("executionId").longValue();
        // the rows committed so far, as the database has them (a runtime may count a step's items at its checkpoints
        // only, or at its end)
        Eventually.await(Duration.ofSeconds(120), Duration.ofMillis(100),
                () -> registrar.expect(200, registrar.get("/api/exams/" + exam + "/registrations?size=1")),
                r -> r.getJsonNumber("total").longValue() >= 300, "300 rows imported");
        registrar.expect(202, registrar.post("/api/jobs/executions/" + id + "/stop", null));
        JsonObject stopped = awaitEnd(registrar, id, 120);
        assertEquals("STOPPED", stopped.getString("batchStatus"), stopped.toString());
        long doneWhenStopped = stopped.getJsonArray("steps").getJsonObject(0).getJsonNumber("done").longValue();
        assertTrue(doneWhenStopped < rows, "stopped before the end: " + stopped);

        long restarted = registrar.expect(202, registrar.post("/api/jobs/executions/" + id + "/restart", null))
                .getJsonNumber("executionId").longValue();
        JsonObject end = awaitEnd(registrar, restarted, 300);
        assertEquals("COMPLETED", end.getString("batchStatus"), end.toString());
        Map<String, Long> counts = counts(end);
        assertEquals(rows, counts.get("registrationsCreated"), end.toString());
        assertEquals(rows, counts.get("accountsCreated"));
        assertEquals(0, counts.get("unchanged"), "no row is read twice across the restart");
        assertEquals(0, counts.get("rejected"));
        assertEquals(rows, registrar.expect(200, registrar.get("/api/exams/" + exam + "/registrations"))
                .getJsonNumber("total").longValue());
    }

    /** The import rate of a 10,000-row file (printed; run on its own with -Dit.test=BatchJobsIT#importRate*). */
    @Test
    void importRateOfTenThousandRows() throws Exception {
        Client registrar = Client.demo("registrar");
        String exam = Scenario.exam(registrar, 3600, false, Scenario.shortTexts(1)).getString("id");
        int rows = 10_000;
        String csvId = upload(registrar, "text/csv", bulk("rate", exam, rows));
        long t0 = System.nanoTime();
        JsonObject end = run(registrar, "enrolment-import", Json.createObjectBuilder().add("csvFile", csvId).build(), 600);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals("COMPLETED", end.getString("batchStatus"), end.toString());
        assertEquals(rows, counts(end).get("registrationsCreated"));
        System.out.printf("IMPORT-RATE rows=%d seconds=%.1f rows/s=%.0f db=%s%n", rows, seconds, rows / seconds, Server.DB);

        long t1 = System.nanoTime();
        JsonObject export = run(registrar, "results-export", Json.createObjectBuilder().add("exam", exam).build(), 300);
        assertEquals("COMPLETED", export.getString("batchStatus"), export.toString());
        System.out.printf("EXPORT-TIME registrations=%d attempts=0 seconds=%.2f%n", rows, (System.nanoTime() - t1) / 1e9);
    }

    @Test
    void resultsExportHoldsScoresDecisionsAndIncidents() throws Exception {
        Client registrar = Client.demo("registrar");
        Client admin = Scenario.admin(); // proctors any attempt
        Scenario.Running a = Scenario.running(3600);
        String examId = a.exam().getString("id");
        JsonObject q0 = a.exam().getJsonArray("questions").getJsonObject(0);
        JsonObject q1 = a.exam().getJsonArray("questions").getJsonObject(1);
        // one right answer of two (answers are answer-<position-1>)
        String answer = "answer-" + (q0.getInt("position") - 1);
        a.candidate().expect(200, a.candidate().put("/api/attempts/" + a.attemptId() + "/answers/" + q0.getString("id"),
                Scenario.save(q0.getString("id"), answer, "s1", 1)));
        admin.expect(201, admin.post("/api/attempts/" + a.attemptId() + "/incidents", Json.createObjectBuilder()
                .add("type", "PHONE_SEEN").add("severity", "HIGH").add("detail", "a phone").build()));
        admin.expect(201, admin.post("/api/attempts/" + a.attemptId() + "/incidents", Json.createObjectBuilder()
                .add("type", "SECOND_PERSON").add("severity", "MEDIUM").add("detail", "someone").build()));
        a.candidate().expect(200, a.candidate().post("/api/attempts/" + a.attemptId() + "/submit", null));
        admin.expect(200, admin.post("/api/attempts/" + a.attemptId() + "/review",
                Json.createObjectBuilder().add("decision", "CLEARED").add("reason", "ok").build()));
        admin.expect(200, admin.post("/api/attempts/" + a.attemptId() + "/review",
                Json.createObjectBuilder().add("decision", "FINAL").build()));

        long t0 = System.nanoTime();
        JsonObject end = run(registrar, "results-export", Json.createObjectBuilder().add("exam", examId).build(), 120);
        System.out.printf("EXPORT-TIME attempts=1 seconds=%.2f%n", (System.nanoTime() - t0) / 1e9);
        assertEquals("COMPLETED", end.getString("batchStatus"), end.toString());
        assertEquals("EXPORTED attempts=1", end.getString("exitStatus"));
        Map<String, String> files = new TreeMap<>();
        end.getJsonArray("files").forEach(f -> files.put(f.asJsonObject().getString("fileName"), f.asJsonObject().getString("id")));
        assertEquals(Set.of("results-" + examId + ".csv", "results-" + examId + ".pdf"), files.keySet());

        HttpResponse<String> csv = registrar.get("/api/jobs/files/" + files.get("results-" + examId + ".csv"));
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();
        assertEquals(1, records.size());
        CSVRecord r = records.get(0);
        assertEquals(a.candidate().username, r.get("candidate"));
        assertEquals("SUBMITTED", r.get("status"));
        assertEquals("1.00", r.get("score"));
        assertEquals("2.00", r.get("maxScore"));
        assertEquals("50.00", r.get("percent"));
        assertEquals("PASSED", r.get("outcome"));
        assertEquals("FINAL", r.get("reviewStatus"));
        assertEquals("CLEARED", r.get("reviewDecision"));
        assertEquals("2", r.get("incidents"));

        byte[] pdf = registrar.http.send(HttpRequest.newBuilder(Server.uri("/api/jobs/files/"
                + files.get("results-" + examId + ".pdf"))).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        String text;
        try (PdfReader reader = new PdfReader(pdf)) {
            text = new PdfTextExtractor(reader).getTextFromPage(1);
        }
        assertTrue(text.contains(a.exam().getString("title")), text);
        assertTrue(text.replaceAll("\\s", "").contains(a.candidate().username), text); // the cell wraps long names
        assertTrue(text.contains("CLEARED") && text.contains("50.00") && text.contains("PASSED"), text);
    }

    @Test
    void retentionDryRunCountsWithoutDeleting() throws Exception {
        Client registrar = Client.demo("registrar");
        JsonObject end = run(registrar, "media-retention", Json.createObjectBuilder().add("dryRun", true)
                .add("retentionDays", 1).build(), 120);
        assertEquals("COMPLETED", end.getString("batchStatus"), end.toString());
        assertTrue(end.getString("exitStatus").startsWith("WOULD-PURGE:"), end.toString());
        String exam = Scenario.exam(registrar, 60, false, Scenario.shortTexts(1)).getString("id");
        assertEquals(400, registrar.put("/api/exams/" + exam + "/media-retention",
                Json.createObjectBuilder().add("days", 0).build()).statusCode());
        assertEquals(7, registrar.expect(200, registrar.put("/api/exams/" + exam + "/media-retention",
                Json.createObjectBuilder().add("days", 7).build())).getInt("mediaRetentionDays"));
    }

    @Test
    void candidateDataExportHoldsEverythingAndErasureKeepsOnlyWhatMustStay() throws Exception {
        Client registrar = Client.demo("registrar");
        Client admin = Scenario.admin();
        Scenario.Running a = Scenario.running(3600);
        String frame = a.candidate().expect(202, a.candidate().upload("/api/attempts/" + a.attemptId() + "/frames",
                "image/jpeg", TestImages.syntheticJpeg(320, 240))).getString("mediaId");
        Thread.sleep(1100); // the per-attempt upload interval
        String evidence = a.candidate().expect(202, a.candidate().upload("/api/attempts/" + a.attemptId() + "/frames",
                "image/jpeg", TestImages.syntheticJpeg(320, 240))).getString("mediaId");
        registrar.expect(200, registrar.upload("PUT", "/api/registrations/" + a.registrationId() + "/enrolment-photo",
                "image/jpeg", IdentityVerificationIT.A_ENROLMENT)); // the vision worker accepts only one live face
        admin.expect(201, admin.post("/api/attempts/" + a.attemptId() + "/incidents", Json.createObjectBuilder()
                .add("type", "PHONE_SEEN").add("severity", "HIGH").add("evidence", Json.createArrayBuilder().add(evidence))
                .add("detail", "a phone").build()));
        a.candidate().expect(200, a.candidate().post("/api/attempts/" + a.attemptId() + "/submit", null));
        admin.expect(200, admin.post("/api/attempts/" + a.attemptId() + "/review",
                Json.createObjectBuilder().add("decision", "CLEARED").build()));
        admin.expect(200, admin.post("/api/attempts/" + a.attemptId() + "/review",
                Json.createObjectBuilder().add("decision", "FINAL").build()));
        String username = a.candidate().username;

        JsonObject export = run(registrar, "candidate-data-export",
                Json.createObjectBuilder().add("candidate", username).build(), 120);
        assertEquals("COMPLETED", export.getString("batchStatus"), export.toString());
        String zipId = export.getJsonArray("files").getJsonObject(0).getString("id");
        byte[] zip = registrar.http.send(HttpRequest.newBuilder(Server.uri("/api/jobs/files/" + zipId)).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        assertEquals(404, Scenario.newUser("registrar").get("/api/jobs/files/" + zipId).statusCode(),
                "a candidate's archive is for whoever made it and admins");
        assertEquals(200, admin.get("/api/jobs/files/" + zipId).statusCode());
        Map<String, byte[]> entries = new TreeMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        assertEquals(4, entries.size(), "data.json, two frames, one photo: " + entries.keySet());
        assertTrue(entries.containsKey("media/webcam_frame/" + frame + ".jpg"), entries.keySet().toString());
        JsonObject data = Server.json(new String(entries.get("data.json"), StandardCharsets.UTF_8));
        assertEquals(username, data.getJsonObject("account").getString("username"));
        assertEquals(1, data.getJsonArray("attempts").size());
        assertEquals(1, data.getJsonArray("attempts").getJsonObject(0).getJsonArray("incidents").size());

        assertEquals(403, registrar.post("/api/jobs/candidate-data-erasure",
                Json.createObjectBuilder().add("candidate", username).build()).statusCode());
        assertEquals(400, admin.post("/api/jobs/candidate-data-erasure",
                Json.createObjectBuilder().add("candidate", "proctor").build()).statusCode());
        JsonObject erased = run(admin, "candidate-data-erasure", Json.createObjectBuilder().add("candidate", username).build(), 120);
        assertEquals("COMPLETED", erased.getString("batchStatus"), erased.toString());
        Map<String, Long> counts = counts(erased);
        assertEquals(1L, counts.get("mediaDeleted"), erased.toString());
        assertEquals(1L, counts.get("mediaKept"));
        assertEquals(1L, counts.get("photosDeleted"));
        JsonArray kept = Server.jsonArray(admin.get("/api/jobs/executions/" + erased.getJsonNumber("executionId")
                + "/rejected?size=50"));
        String reasons = kept.toString();
        assertTrue(reasons.contains("evidence of an incident") && reasons.contains("academic record")
                && reasons.contains("audit log"), reasons);
        assertEquals(401, Client.anonymous().post("/api/session", Json.createObjectBuilder().add("username", username)
                .add("password", Client.IT_PASSWORD).build()).statusCode(), "the erased account cannot log in");
        JsonObject account = admin.expect(200, admin.get("/api/accounts?query=" + username)).getJsonArray("items").getJsonObject(0);
        assertEquals("erased candidate", account.getString("displayName"));
        assertEquals(404, admin.get("/api/frames/" + frame + "/analysis").statusCode());
    }

    /**
     * The purge rate of media retention (PostgreSQL, where the test can age rows): 2,000 frames of a FINAL attempt,
     * indexed and on disk, stored three days ago, go in one run, rows and files together.
     */
    @Test
    void retentionPurgeRate() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Server.DB.equals("postgresql"), "ages media rows through JDBC");
        Client admin = Scenario.admin();
        Scenario.Running a = Scenario.running(3600);
        a.candidate().expect(200, a.candidate().post("/api/attempts/" + a.attemptId() + "/submit", null));
        admin.expect(200, admin.post("/api/attempts/" + a.attemptId() + "/review",
                Json.createObjectBuilder().add("decision", "CLEARED").build()));
        admin.expect(200, admin.post("/api/attempts/" + a.attemptId() + "/review",
                Json.createObjectBuilder().add("decision", "FINAL").build()));
        int count = 2000;
        byte[] jpeg = TestImages.syntheticJpeg(320, 240);
        Path dir = HardeningMediaIT.mediaDir();
        List<Path> files = new java.util.ArrayList<>();
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(System.getProperty("it.jdbc.url"),
                System.getProperty("it.jdbc.user"), System.getProperty("it.jdbc.password"));
             java.sql.PreparedStatement insert = db.prepareStatement("INSERT INTO stored_media (id, kind, attempt_id,"
                     + " awaiting_analysis, storage_key, content_type, size_bytes, sha256, captured_at, stored_at)"
                     + " VALUES (?, 'WEBCAM_FRAME', ?, FALSE, ?, 'image/jpeg', ?, ?, NOW() - INTERVAL '3 days',"
                     + " NOW() - INTERVAL '3 days')")) {
            for (int i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                String key = "rate/" + a.attemptId() + "/" + id + ".jpg";
                Path file = dir.resolve(key);
                Files.createDirectories(file.getParent());
                Files.write(file, jpeg);
                files.add(file);
                insert.setString(1, id);
                insert.setString(2, a.attemptId());
                insert.setString(3, key);
                insert.setLong(4, jpeg.length);
                insert.setString(5, "0".repeat(64));
                insert.addBatch();
            }
            insert.executeBatch();
            long t0 = System.nanoTime();
            JsonObject end = run(admin, "media-retention", Json.createObjectBuilder().add("retentionDays", 2).build(), 600);
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertEquals("COMPLETED", end.getString("batchStatus"), end.toString());
            long purged = Long.parseLong(end.getString("exitStatus").substring("PURGED:".length()));
            assertTrue(purged >= count, end.toString());
            try (java.sql.PreparedStatement left = db.prepareStatement("SELECT COUNT(*) FROM stored_media WHERE attempt_id = ?")) {
                left.setString(1, a.attemptId());
                try (java.sql.ResultSet r = left.executeQuery()) {
                    r.next();
                    assertEquals(0, r.getLong(1), "every aged row is gone");
                }
            }
            assertEquals(0, files.stream().filter(Files::exists).count(), "and every file with it");
            System.out.printf("RETENTION-PURGE-RATE objects=%d seconds=%.1f objects/s=%.0f db=%s%n", purged, seconds,
                    purged / seconds, Server.DB);
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    static byte[] bulk(String prefix, String exam, int rows) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        StringBuilder b = new StringBuilder("username,displayName,exam,extraTimeMinutes\n");
        for (int i = 0; i < rows; i++) {
            b.append(prefix).append('-').append(tag).append('-').append(i).append(",Candidate ").append(i).append(',')
                    .append(exam).append(',').append(i % 3 == 0 ? "10" : "").append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String upload(Client registrar, String type, byte[] bytes) throws Exception {
        return registrar.expect(201, registrar.upload("/api/jobs/files", type, bytes)).getString("id");
    }

    static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static Map<String, Long> counts(JsonObject execution) {
        Map<String, Long> counts = new TreeMap<>();
        JsonObject c = execution.getJsonArray("steps").getJsonObject(0).getJsonObject("counts");
        c.forEach((k, v) -> counts.put(k, ((jakarta.json.JsonNumber) v).longValue()));
        return counts;
    }

    static JsonObject run(Client client, String job, JsonValue parameters, int seconds) throws Exception {
        HttpResponse<String> started = client.post("/api/jobs/" + job, parameters);
        assertEquals(202, started.statusCode(), started.body());
        return awaitEnd(client, Server.json(started).getJsonNumber("executionId").longValue(), seconds);
    }

    static JsonObject awaitEnd(Client client, long id, int seconds) throws Exception {
        return Eventually.await(Duration.ofSeconds(seconds), Duration.ofMillis(250),
                () -> Server.json(client.get("/api/jobs/executions/" + id)),
                e -> ENDED.contains(e.getString("batchStatus")), "the end of job execution " + id);
    }
}
