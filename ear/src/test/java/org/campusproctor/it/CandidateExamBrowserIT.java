package org.campusproctor.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A candidate takes a proctored exam in a real browser with the fake webcam: home, consent, system check, every
 * question type, 20 s without network, a reload, a proctor's message, warning, pause and resume over the REST API,
 * submit. Then the stored answers and score, the frames the server took (against the exam's interval) and the browser
 * event the server recorded are checked, and each page passes axe-core. Measured figures are printed.
 */
class CandidateExamBrowserIT {

    private static final int FRAME_INTERVAL_SECONDS = 3;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void candidateTakesAProctoredExamInTheBrowser() throws Exception {
        Browser.assumeEnabled();
        Client registrar = Client.demo("registrar");
        Client proctor = Client.demo("proctor");
        Client candidate = Scenario.newUser("candidate");
        String title = Scenario.unique("Browser exam");
        JsonObject exam = registrar.expect(201, registrar.post("/api/exams", Json.createObjectBuilder()
                .add("title", title).add("instructions", "Closed book. Keep your face in view.")
                .add("durationSeconds", 1200).add("passingScore", 50)
                .add("proctoring", Json.createObjectBuilder().add("webcam", true).add("identityCheck", false).add("screenRecording", true)
                        .add("frameIntervalSeconds", FRAME_INTERVAL_SECONDS).add("reviewRiskThreshold", 40))
                .build()));
        String examId = exam.getString("id");
        for (JsonObject q : Scenario.everyType()) {
            registrar.expect(201, registrar.post("/api/exams/" + examId + "/questions", q));
        }
        registrar.expect(200, registrar.post("/api/exams/" + examId + "/publish", null));
        Scenario.registerAssigned(registrar, examId, candidate, "proctor", 0);

        try (Browser browser = Browser.open("candidate")) {
            browser.onFailureKeepScreenshot(() -> takeTheExam(browser, candidate, proctor, title));
        }
    }

    private void takeTheExam(Browser browser, Client candidate, Client proctor, String title) throws Exception {
        {
            // home: the exam is listed as open, reached without any id
            browser.logIn(candidate.username, Client.IT_PASSWORD);
            assertEquals("/candidate/index.xhtml", browser.path());
            assertTrue(browser.find("[id$='open']").getText().contains(title), browser.find("main").getText());
            browser.checkPage("home");
            browser.driver.findElement(By.partialLinkText("Take " + title)).click();

            // before the exam: consent and system check; start stays disabled until both are done
            browser.waitVisible("#cp-prepare", WAIT);
            assertEquals("/candidate/prepare.xhtml", browser.path());
            WebElement begin = browser.find("[id='start:begin']");
            browser.waitFor(d -> !begin.isEnabled(), Duration.ofSeconds(5)); // disabled before consent and check
            browser.checkPage("prepare");
            browser.find("#cp-run-check").click();
            browser.waitFor(d -> "passed".equals(browser.find("#cp-check-upload").getAttribute("data-state"))
                    && "passed".equals(browser.find("#cp-check-camera").getAttribute("data-state")), WAIT);
            assertFalse(begin.isEnabled(), "still disabled without consent");
            browser.find("label[for='start:consent']").click();
            browser.waitFor(d -> begin.isEnabled(), WAIT);
            String cameraCheck = browser.find("#cp-check-camera").getText();
            assertTrue(cameraCheck.contains("640×480"), cameraCheck);
            browser.checkPage("system-check-passed");
            begin.click();

            // the exam page
            browser.waitVisible("#cp-exam", WAIT);
            assertEquals("/candidate/exam.xhtml", browser.path());
            String attemptId = (String) browser.script("return JSON.parse(document.getElementById('cp-exam').dataset.state).attemptId");
            long runningSince = System.currentTimeMillis();
            browser.waitFor(d -> browser.find("#cp-camera-state").getText().equals("Webcam: on"), WAIT);
            assertFrameIsTheClip(browser);
            shareScreen(browser);
            browser.checkPage("exam");

            choose(browser, "SINGLE_CHOICE", "1");
            choose(browser, "MULTIPLE_CHOICE", "0");
            choose(browser, "MULTIPLE_CHOICE", "2");
            choose(browser, "TRUE_FALSE", "true");
            type(browser, "SHORT_TEXT", "Paris");
            type(browser, "NUMERIC", "3.14");
            type(browser, "ESSAY", "Proctoring must be proportionate.");
            awaitAllSaved(browser);
            assertTrue(browser.find("#cp-countdown-value").getText().matches("\\d+:\\d\\d"), browser.find("#cp-countdown-value").getText());

            // 20 s without network: the change waits in the browser, the page says so, then it is sent
            browser.driver.setNetworkConditions(offline());
            type(browser, "ESSAY", " Written offline.");
            browser.waitFor(d -> browser.find("#cp-save-state").getText().startsWith("Offline"), WAIT);
            browser.screenshot("offline");
            Thread.sleep(20_000);
            browser.driver.deleteNetworkConditions();
            awaitAllSaved(browser);

            // a reload resumes where it was
            browser.driver.navigate().refresh();
            browser.waitVisible("#cp-exam", WAIT);
            assertEquals("Proctoring must be proportionate. Written offline.", section(browser, "ESSAY")
                    .findElement(By.cssSelector("textarea")).getAttribute("value"));
            assertTrue(section(browser, "SINGLE_CHOICE").findElement(By.cssSelector("input[value='1']")).isSelected());
            browser.waitFor(d -> browser.find("#cp-camera-state").getText().equals("Webcam: on"), WAIT);
            shareScreen(browser); // after a reload the browser asks again
            Thread.sleep(1500); // the push socket opens after the page
            browser.script("document.dispatchEvent(new Event('copy'))");

            // the proctor's message, warning, pause and resume, live on the candidate's page
            List<Long> pushMillis = new ArrayList<>();
            pushMillis.add(proctorAction(browser, proctor, attemptId, "/messages",
                    Json.createObjectBuilder().add("text", "Please keep your face in view").build(), "MESSAGED"));
            assertTrue(browser.find("#cp-notices").getText().contains("Please keep your face in view"));
            pushMillis.add(proctorAction(browser, proctor, attemptId, "/messages",
                    Json.createObjectBuilder().add("text", "Second person in the room?").add("warning", true).build(), "WARNED"));
            assertTrue(browser.find("#cp-notices").getText().contains("Warning from your proctor: Second person in the room?"));
            pushMillis.add(proctorAction(browser, proctor, attemptId, "/pause",
                    Json.createObjectBuilder().add("reason", "Checking the room with you").build(), "PAUSED"));
            browser.waitVisible("#cp-lock", WAIT);
            assertTrue(browser.find("#cp-lock-reason").getText().contains("Checking the room with you"));
            browser.checkPage("paused");
            pushMillis.add(proctorAction(browser, proctor, attemptId, "/resume", null, "RESUMED"));
            browser.waitFor(d -> !browser.find("#cp-lock").isDisplayed(), WAIT);

            // enough running time for the frame count to mean something
            long target = runningSince + 45_000;
            while (System.currentTimeMillis() < target) {
                Thread.sleep(1000);
            }

            // submit with the confirmation
            browser.find("#cp-submit").click();
            browser.waitVisible("#cp-submit-dialog", WAIT);
            assertEquals("Every question has an answer.", browser.find("#cp-submit-unanswered").getText());
            browser.checkPage("submit-confirmation");
            @SuppressWarnings("unchecked")
            Map<String, Object> metrics = (Map<String, Object>) browser.script("return CampusProctorExam.metrics");
            long submittedAt = System.currentTimeMillis();
            browser.find("#cp-submit-confirm").click();
            browser.waitVisible("#cp-finished", WAIT);
            browser.checkPage("finished");

            // what the server holds
            JsonObject attempt = proctor.expect(200, proctor.get("/api/attempts/" + attemptId));
            assertEquals("SUBMITTED", attempt.getString("status"));
            Map<String, String> byPrompt = new HashMap<>();
            Map<String, String> promptOf = new HashMap<>();
            for (JsonValue q : attempt.getJsonArray("questions")) {
                promptOf.put(q.asJsonObject().getString("id"), q.asJsonObject().getString("prompt"));
            }
            for (JsonValue a : attempt.getJsonArray("answers")) {
                byPrompt.put(promptOf.get(a.asJsonObject().getString("questionId")), a.asJsonObject().getString("response"));
            }
            assertEquals(Map.of("2+2?", "1", "Primes?", "0,2", "Water is wet", "true", "Capital of France?", "Paris",
                    "Pi to two decimals", "3.14", "Discuss proctoring ethics", "Proctoring must be proportionate. Written offline."), byPrompt);
            assertEquals(0, attempt.getJsonNumber("score").bigDecimalValue().compareTo(new java.math.BigDecimal("9")),
                    "every automatically scored answer is right: " + attempt.get("score"));
            assertTrue(attempt.getJsonArray("incidents").stream().map(JsonValue::asJsonObject)
                    .anyMatch(i -> "COPY".equals(i.getString("type")) && "BROWSER".equals(i.getString("source"))
                            && "LOW".equals(i.getString("severity"))), "the copy event, with the server's severity: " + attempt.get("incidents"));

            // frames: every acknowledged frame is stored; the count follows the interval
            @SuppressWarnings("unchecked")
            List<String> mediaIds = (List<String>) metrics.get("mediaIds");
            for (String mediaId : mediaIds) {
                assertEquals(200, proctor.get("/api/frames/" + mediaId + "/analysis").statusCode(), mediaId);
            }
            double runningSeconds = (submittedAt - runningSince) / 1000.0;
            double expected = runningSeconds / FRAME_INTERVAL_SECONDS;
            assertTrue(mediaIds.size() >= expected * 0.6 && mediaIds.size() <= expected + 6,
                    mediaIds.size() + " frames in " + runningSeconds + " s at one per " + FRAME_INTERVAL_SECONDS + " s");

            // the screen recording: chunks stored in order, each checked against its SHA-256 on arrival
            List<JsonObject> chunks = Server.jsonArray(proctor.get("/api/attempts/" + attemptId + "/screen-chunks"))
                    .stream().map(JsonValue::asJsonObject).toList();
            assertTrue(chunks.size() >= 4, "a chunk every 5 s: " + chunks);
            assertEquals(0, chunks.get(0).getInt("sequence"), "from the first chunk (with the WebM header)");
            for (int i = 1; i < chunks.size(); i++) {
                assertTrue(chunks.get(i).getInt("sequence") > chunks.get(i - 1).getInt("sequence"), "in order: " + chunks);
            }
            refusesForeignAndCorruptChunks(candidate, attemptId);

            @SuppressWarnings("unchecked")
            List<Number> rtts = (List<Number>) metrics.get("saveRoundTrips");
            List<Double> sorted = new ArrayList<>(rtts.stream().map(Number::doubleValue).toList());
            Collections.sort(sorted);
            System.out.printf("MEASURED candidate browser: frames %d in %.1f s = %.1f per minute (interval %d s, 429s %s); screen chunks %d;"
                            + " autosave round trip n=%d median %.1f ms p99 %.1f ms; proctor action to page %s ms%n",
                    mediaIds.size(), runningSeconds, mediaIds.size() * 60 / runningSeconds, FRAME_INTERVAL_SECONDS,
                    metrics.get("throttled"), chunks.size(), sorted.size(), percentile(sorted, 50), percentile(sorted, 99), pushMillis);
            assertTrue(pushMillis.stream().allMatch(m -> m < 5000), "pushed within seconds: " + pushMillis);
        }
    }

    private static void shareScreen(Browser browser) {
        browser.find("#cp-share-screen").click();
        browser.waitFor(d -> browser.find("#cp-screen-state").getText().equals("Screen: shared and recorded"), WAIT);
    }

    /** Another candidate cannot add to this recording; a chunk whose checksum does not match is refused. */
    private static void refusesForeignAndCorruptChunks(Client candidate, String attemptId) throws Exception {
        byte[] webm = {0x1a, 0x45, (byte) 0xdf, (byte) 0xa3, 1, 2, 3};
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(webm));
        Client other = Scenario.newUser("candidate");
        assertEquals(403, chunk(other, attemptId, 90, sha, webm).statusCode(), "refused and audited, as for frames");
        java.net.http.HttpResponse<String> corrupt = chunk(candidate, attemptId, 91, "00" + sha.substring(2), webm);
        assertEquals(400, corrupt.statusCode(), corrupt.body());
        assertEquals(409, chunk(candidate, attemptId, 92, sha, webm).statusCode(), "the attempt is over");
    }

    private static java.net.http.HttpResponse<String> chunk(Client client, String attemptId, long sequence, String sha256,
                                                           byte[] bytes) throws Exception {
        return client.send(java.net.http.HttpRequest.newBuilder(Server.uri("/api/attempts/" + attemptId + "/screen-chunks/" + sequence))
                .header("Content-Type", "video/webm").header("X-Chunk-SHA256", sha256)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    /**
     * An exam with an identity check, a candidate without an enrolment photo: the photo taken on the page cannot be
     * compared, so the page waits, and moves on by itself once the proctor approves.
     */
    @Test
    void theIdentityCheckWaitsForTheProctorsApproval() throws Exception {
        Browser.assumeEnabled();
        Client registrar = Client.demo("registrar");
        Client proctor = Client.demo("proctor");
        Client candidate = Scenario.newUser("candidate");
        JsonObject exam = Scenario.exam(registrar, 600, true, Scenario.shortTexts(1));
        String registration = Scenario.registerAssigned(registrar, exam.getString("id"), candidate, "proctor", 0);
        try (Browser browser = Browser.open("identity")) {
            browser.onFailureKeepScreenshot(() -> {
                startWithIdentityCheck(browser, candidate, exam);
                browser.checkPage("identity-photo");
                browser.find("#cp-identity-photo").click();
                browser.waitFor(d -> browser.find("#cp-identity-state").getText().contains("Waiting for a proctor"), WAIT);
                assertTrue(browser.find("#cp-identity-state").getText().contains("no enrolment photo"),
                        browser.find("#cp-identity-state").getText());
                assertFalse(browser.find("#cp-identity-photo").isEnabled(), "nothing more to do for the candidate");
                browser.checkPage("identity-wait");
                String attemptId = candidate.expect(201, candidate.post("/api/registrations/" + registration + "/attempt", null))
                        .getString("id");
                JsonObject waiting = candidate.expect(200, candidate.get("/api/attempts/" + attemptId));
                assertEquals("IDENTITY_CHECK", waiting.getString("status"));
                assertEquals("NO_ENROLMENT", waiting.getJsonObject("identityCheck").getString("outcome"), waiting.toString());
                assertEquals(1, waiting.getJsonObject("identityCheck").getInt("photos"));
                long approved = System.currentTimeMillis();
                proctor.expect(200, proctor.post("/api/attempts/" + attemptId + "/identity-verified", null));
                browser.waitVisible("#cp-exam", Duration.ofSeconds(15));
                System.out.printf("MEASURED identity approval to exam page: %d ms%n", System.currentTimeMillis() - approved);
                assertEquals("/candidate/exam.xhtml", browser.path());
                assertEquals("IN_PROGRESS", candidate.expect(200, candidate.get("/api/attempts/" + attemptId)).getString("status"));
            });
        }
    }

    /**
     * A candidate enrolled with a picture of the face the fake webcam shows (the clip's first frame) takes the photo,
     * with the keyboard, while that face is in view: it matches, and the exam starts without a proctor.
     */
    @Test
    void aMatchingIdentityPhotoStartsTheExamWithoutAProctor() throws Exception {
        Browser.assumeEnabled();
        Client registrar = Client.demo("registrar");
        Client candidate = Scenario.newUser("candidate");
        JsonObject exam = Scenario.exam(registrar, 600, true, Scenario.shortTexts(1));
        String registration = Scenario.registerAssigned(registrar, exam.getString("id"), candidate, "proctor", 0);
        registrar.expect(200, registrar.upload("PUT", "/api/registrations/" + registration + "/enrolment-photo", "image/jpeg",
                ClipFrames.at(0)));
        try (Browser browser = Browser.open("identity-match")) {
            browser.onFailureKeepScreenshot(() -> {
                startWithIdentityCheck(browser, candidate, exam);
                long taken = System.currentTimeMillis();
                browser.find("#cp-identity-photo").sendKeys(Keys.SPACE); // the clip shows one frontal face for 3 s
                browser.waitVisible("#cp-exam", WAIT);
                System.out.printf("MEASURED identity photo to exam page (face match, no proctor): %d ms%n",
                        System.currentTimeMillis() - taken);
                String attemptId = candidate.expect(201, candidate.post("/api/registrations/" + registration + "/attempt", null))
                        .getString("id");
                JsonObject view = candidate.expect(200, candidate.get("/api/attempts/" + attemptId));
                assertEquals("IN_PROGRESS", view.getString("status"));
                assertEquals("MATCHED", view.getJsonObject("identityCheck").getString("outcome"), view.toString());
                assertEquals("FACE_MATCH", view.getJsonObject("identityCheck").getString("verifiedMethod"));
                assertEquals(1, view.getJsonObject("identityCheck").getInt("photos"));
            });
        }
    }

    /** Home, the system check and consent, then the start: the identity-check step with the camera on. */
    private static void startWithIdentityCheck(Browser browser, Client candidate, JsonObject exam) {
        browser.logIn(candidate.username, Client.IT_PASSWORD);
        browser.driver.findElement(By.partialLinkText("Take " + exam.getString("title"))).click();
        browser.waitVisible("#cp-run-check", WAIT).click();
        browser.waitFor(d -> "passed".equals(browser.find("#cp-check-upload").getAttribute("data-state")), WAIT);
        browser.find("label[for='start:consent']").click();
        WebElement begin = browser.find("[id='start:begin']");
        browser.waitFor(d -> begin.isEnabled(), WAIT);
        begin.click();
        browser.waitVisible("#cp-identity-state", WAIT);
        browser.waitFor(d -> browser.find("#cp-identity-photo").isEnabled(), WAIT);
        assertEquals("5 photos left", browser.find("#cp-identity-left").getText());
        assertEquals("The camera is on: take your photo when you are ready.", browser.find("#cp-identity-state").getText());
    }

    private static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static ChromiumNetworkConditions offline() {
        ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
        conditions.setOffline(true);
        conditions.setLatency(Duration.ZERO);
        conditions.setDownloadThroughput(0);
        conditions.setUploadThroughput(0);
        return conditions;
    }

    /** Sends a proctor action over the REST API; returns the milliseconds until the candidate's page received it. */
    private static long proctorAction(Browser browser, Client proctor, String attemptId, String path, JsonObject body,
                                      String action) throws Exception {
        long sent = System.currentTimeMillis();
        proctor.expect(200, proctor.post("/api/attempts/" + attemptId + path, body));
        Number received = browser.waitFor(d -> (Number) browser.script(
                "const n = CampusProctorExam.metrics.notices.filter(x => x.action === arguments[0]);"
                        + " return n.length ? n[n.length - 1].receivedAt : null;", action), WAIT);
        return received.longValue() - sent;
    }

    private static WebElement section(Browser browser, String type) {
        return browser.find(".cp-question[data-type='" + type + "']");
    }

    /** Clicks the label of a choice, as a person would. */
    private static void choose(Browser browser, String type, String value) {
        WebElement input = section(browser, type).findElement(By.cssSelector("input[value='" + value + "']"));
        browser.find("label[for='" + input.getAttribute("id") + "']").click();
    }

    private static void type(Browser browser, String type, String text) {
        section(browser, type).findElement(By.cssSelector("input.cp-answer, textarea.cp-answer, .cp-answer input, .cp-answer textarea"))
                .sendKeys(text);
    }

    private static void awaitAllSaved(Browser browser) {
        browser.waitFor(d -> "All answers saved".equals(browser.find("#cp-save-state").getText()), WAIT);
        browser.waitFor(d -> {
            Object pending = browser.script("return CampusProctorExam.pending()");
            return pending instanceof Number n && n.intValue() == 0 ? Boolean.TRUE : null;
        }, WAIT);
    }

    /** The picture sent is the clip's (hundreds of colours), not the browser's built-in green test pattern. */
    private static void assertFrameIsTheClip(Browser browser) {
        // drawn after two new frames: the first ones drawn can be black
        Number colours = (Number) browser.script(
                "const v = document.getElementById('cp-camera-preview');"
                        + " return new Promise(r => v.requestVideoFrameCallback(() => v.requestVideoFrameCallback(r))).then(() => {"
                        + " const c = document.createElement('canvas');"
                        + " c.width = 160; c.height = 120; const g = c.getContext('2d'); g.drawImage(v, 0, 0, 160, 120);"
                        + " const d = g.getImageData(0, 0, 160, 120).data; const s = new Set();"
                        + " for (let i = 0; i < d.length; i += 4) s.add((d[i] >> 3) + ',' + (d[i + 1] >> 3) + ',' + (d[i + 2] >> 3));"
                        + " return s.size; });");
        assertTrue(colours.intValue() > 100, "the fake camera shows the clip, not a test pattern: " + colours + " colours");
    }
}
