package org.campusproctor.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The proctor screens in a real browser, with two candidates driven over the API uploading frames of the webcam clip:
 * the proctor signs in, sees both candidates' tiles, watches a NO_FACE incident arrive live (pushed, no reload), opens
 * its evidence frame, pauses one candidate and adds time to the other (the API shows both changes), and after the
 * exam reviews both; the attempt they called suspicious is made final by a second reviewer. The screen recording
 * plays on the candidate page, its pieces in order. axe-core on every page; screenshots in target/screenshots.
 */
class ProctorScreensBrowserIT {

    @Test
    void aProctorWatchesActsAndReviewsWithASecondReviewer() throws Exception {
        Browser.assumeEnabled();
        Client registrar = Client.demo("registrar");
        Client proctor = Scenario.newUser("proctor");
        Client empty = Scenario.newUser("candidate");
        Client present = Scenario.newUser("candidate");
        String examId = Scenario.exam(registrar, 3600, false, Scenario.shortTexts(1)).getString("id");
        String emptyId = Scenario.startedAttempt(empty, Scenario.register(registrar, examId, empty, proctor, 0)).getString("id");
        String presentId = Scenario.startedAttempt(present, Scenario.register(registrar, examId, present, proctor, 0)).getString("id");

        try (Browser browser = Browser.open("proctor")) {
            browser.logIn(proctor.username, Client.IT_PASSWORD);
            assertEquals("/proctor/index.xhtml", browser.path());
            browser.find(".cp-exam-link").click();
            browser.waitFor(d -> text(browser, "#feed-status").startsWith("Live"), Duration.ofSeconds(20));
            assertEquals(2, browser.findAll(".cp-tile").size(), "one tile per candidate");
            browser.checkPage("session-before");

            // the candidates stream: one in front of the camera, the other's seat empty for more than two seconds
            long uploadedAt = 0;
            for (int i = 0; i < 4; i++) {
                present.expect(202, present.upload("/api/attempts/" + presentId + "/frames", "image/jpeg", ClipFrames.at(1 + i * 0.4)));
                uploadedAt = System.currentTimeMillis();
                empty.expect(202, empty.upload("/api/attempts/" + emptyId + "/frames", "image/jpeg", ClipFrames.at(6.5 + i * 0.5)));
                Thread.sleep(1_100); // capture times 1.1 s apart: the episode is the scenario, not a wait for the server
            }
            browser.waitFor(d -> "1".equals(text(browser, ".cp-tile[data-attempt='" + emptyId + "'] .cp-incidents")),
                    Duration.ofSeconds(90));
            long shownAt = System.currentTimeMillis();
            assertTrue(text(browser, "#alerts").contains("NO_FACE"), text(browser, "#alerts"));
            browser.waitFor(d -> text(browser, ".cp-tile[data-attempt='" + presentId + "'] .cp-capture").startsWith("LIVE"),
                    Duration.ofSeconds(30));
            assertTrue(loaded(browser, tile(browser, presentId).findElement(By.cssSelector("img.cp-thumb"))), "thumbnail shown");
            System.out.println("proctor screens: NO_FACE tile update " + (shownAt - uploadedAt) + " ms after the last upload");
            browser.checkPage("session-incident");

            // the evidence frame behind the incident
            tile(browser, emptyId).findElement(By.cssSelector("a.cp-tile-link")).click();
            browser.waitVisible("#detail\\:incidents", Duration.ofSeconds(20));
            assertTrue(text(browser, "#detail\\:incidents").contains("NO_FACE"));
            WebElement evidence = browser.find(".cp-evidence-link img");
            browser.waitFor(d -> loaded(browser, evidence), Duration.ofSeconds(20));
            String full = browser.find(".cp-evidence-link").getAttribute("href");
            assertEquals(200L, browser.script("return fetch(arguments[0]).then(r => r.status);", full), full);
            browser.checkPage("detail-evidence");

            // pause this candidate, with a reason
            browser.find("#detail\\:reason").sendKeys("Please come back in front of the camera");
            browser.find("#detail\\:pause").click();
            browser.waitFor(d -> "PAUSED".equals(text(browser, "#state")), Duration.ofSeconds(20));
            assertEquals("PAUSED", empty.expect(200, empty.get("/api/attempts/" + emptyId)).getString("status"));

            // add time to the other
            long allowed = proctor.expect(200, proctor.get("/api/attempts/" + presentId)).getJsonNumber("totalAllowedSeconds").longValue();
            browser.go("/proctor/attempt.xhtml?attempt=" + presentId);
            browser.find("#detail\\:reason").sendKeys("Network outage in room B");
            WebElement seconds = browser.find("#detail\\:seconds");
            seconds.clear();
            seconds.sendKeys("600");
            browser.find("#detail\\:add-time").click();
            browser.waitFor(d -> text(browser, "#detail\\:messages").contains("600 s added"), Duration.ofSeconds(20));
            assertEquals(allowed + 600, proctor.expect(200, proctor.get("/api/attempts/" + presentId))
                    .getJsonNumber("totalAllowedSeconds").longValue(), "the API shows the added time");
            browser.checkPage("detail-time-added");

            // after the exam
            browser.go("/proctor/attempt.xhtml?attempt=" + emptyId);
            browser.find("#detail\\:resume").click();
            browser.waitFor(d -> "IN_PROGRESS".equals(text(browser, "#state")), Duration.ofSeconds(20));
            empty.expect(200, empty.post("/api/attempts/" + emptyId + "/submit", null));
            present.expect(200, present.post("/api/attempts/" + presentId + "/submit", null));

            browser.go("/proctor/review.xhtml?exam=" + examId);
            List<String> queue = browser.findAll(".cp-review-link").stream().map(WebElement::getText).toList();
            assertEquals(List.of(empty.username, present.username), queue, "riskiest first");
            browser.checkPage("review-queue");

            browser.findAll(".cp-review-link").get(0).click();
            browser.waitVisible("#detail\\:incidents", Duration.ofSeconds(20));
            browser.find("#detail\\:incidents\\:0\\:confirm").click();
            browser.waitFor(d -> text(browser, "#detail\\:messages").contains("Incident confirmed"), Duration.ofSeconds(20));
            browser.find("#detail\\:comment").sendKeys("Seat empty for several seconds while the exam ran");
            browser.find("#detail\\:suspicious").click();
            browser.waitFor(d -> text(browser, "#review-status").contains("SUSPICIOUS"), Duration.ofSeconds(20));
            browser.find("#detail\\:finalise").click();
            browser.waitFor(d -> text(browser, "#detail\\:messages").contains("another reviewer"), Duration.ofSeconds(20));
            browser.checkPage("review-second-needed");

            browser.go("/proctor/attempt.xhtml?attempt=" + presentId);
            browser.find("#detail\\:clear").click();
            browser.waitFor(d -> text(browser, "#review-status").contains("CLEARED"), Duration.ofSeconds(20));
            browser.find("#detail\\:finalise").click();
            browser.waitFor(d -> text(browser, "#review-status").startsWith("FINAL"), Duration.ofSeconds(20));

            browser.go("/proctor/review.xhtml?exam=" + examId);
            assertTrue(text(browser, "#figures").contains("NO_FACE"), text(browser, "#figures"));
            browser.checkPage("figures");
        }

        try (Browser second = Browser.open("second-reviewer")) {
            second.logIn("admin", "demo-admin");
            second.go("/proctor/attempt.xhtml?attempt=" + emptyId);
            second.find("#detail\\:finalise").click();
            second.waitFor(d -> text(second, "#review-status").startsWith("FINAL"), Duration.ofSeconds(20));
            second.checkPage("second-review-final");
        }
        JsonObject decided = proctor.expect(200, proctor.get("/api/attempts/" + emptyId));
        assertEquals("FINAL", decided.getString("reviewStatus"));
        assertEquals("VOIDED", decided.getString("outcome"));
    }

    @Test
    void theScreenRecordingPlaysItsPiecesInOrder() throws Exception {
        Browser.assumeEnabled();
        Client registrar = Client.demo("registrar");
        Client proctor = Scenario.newUser("proctor");
        Client candidate = Scenario.newUser("candidate");
        String examId = ProctorDeskIT.recordedExam(registrar);
        String attemptId = Scenario.startedAttempt(candidate, Scenario.register(registrar, examId, candidate, proctor, 0))
                .getString("id");

        try (Browser browser = Browser.open("recording")) {
            browser.logIn(proctor.username, Client.IT_PASSWORD);
            browser.go("/proctor/attempt.xhtml?attempt=" + attemptId);
            assertEquals("No screen recording.", text(browser, "#no-recording"));

            // real pieces, as the exam page makes them: one MediaRecorder (VP8) in timeslices, here of a drawn canvas
            @SuppressWarnings("unchecked")
            List<String> recorded = (List<String>) browser.script("""
                    const canvas = document.createElement('canvas'); canvas.width = 320; canvas.height = 240;
                    const g = canvas.getContext('2d'); let n = 0;
                    const draw = setInterval(() => { g.fillStyle = 'hsl(' + (n++ * 7 % 360) + ',80%,50%)'; g.fillRect(0, 0, 320, 240); }, 40);
                    const recorder = new MediaRecorder(canvas.captureStream(25), { mimeType: 'video/webm;codecs=vp8' });
                    const pieces = [];
                    recorder.ondataavailable = e => { if (e.data.size) pieces.push(e.data); };
                    const done = new Promise(r => recorder.onstop = r);
                    recorder.start(1000);
                    setTimeout(() => recorder.stop(), 3500);
                    return done.then(() => { clearInterval(draw); return Promise.all(pieces.map(p => p.arrayBuffer())); })
                        .then(buffers => buffers.map(b => btoa(String.fromCharCode(...new Uint8Array(b)))));
                    """);
            assertTrue(recorded.size() >= 3, "pieces recorded: " + recorded.size());
            for (int i = 0; i < recorded.size(); i++) {
                assertEquals(202, ProctorDeskIT.uploadChunk(candidate, attemptId, i, Base64.getDecoder().decode(recorded.get(i)))
                        .statusCode());
            }

            browser.go("/proctor/attempt.xhtml?attempt=" + attemptId);
            assertEquals(recorded.size(), browser.findAll("#recording\\:chunks tbody tr").size(), "one row a piece");
            browser.waitFor(d -> text(browser, "#recording-status").startsWith("All " + recorded.size() + " pieces loaded"),
                    Duration.ofSeconds(30));
            // one continuous stretch: every piece after the first continued the one before
            Object buffered = browser.script("const v = document.getElementById('recording-player');"
                    + " return [v.buffered.length, v.buffered.end(v.buffered.length - 1)];");
            List<?> range = (List<?>) buffered;
            assertEquals(1L, ((Number) range.get(0)).longValue(), "no gap");
            assertTrue(((Number) range.get(1)).doubleValue() > 3.0, "about 3.5 s buffered: " + range.get(1));
            Object ended = browser.script("const v = document.getElementById('recording-player'); v.muted = true;"
                    + " v.playbackRate = 4; return v.play().then(() => new Promise(r => v.onended = () => r(v.currentTime)));");
            assertTrue(((Number) ended).doubleValue() > 3.0, "played to the end: " + ended);
            assertTrue(text(browser, "#recording-status").startsWith("End of the recording"));
            browser.checkPage("detail-recording");
        }
    }

    /** The element's text; "" while an ajax update is replacing it (or before it exists). */
    private static String text(Browser browser, String cssSelector) {
        try {
            return browser.find(cssSelector).getText();
        } catch (StaleElementReferenceException | NoSuchElementException e) {
            return "";
        }
    }

    private static WebElement tile(Browser browser, String attemptId) {
        return browser.find(".cp-tile[data-attempt='" + attemptId + "']");
    }

    private static boolean loaded(Browser browser, WebElement img) {
        return Boolean.TRUE.equals(browser.script("return arguments[0].complete && arguments[0].naturalWidth > 0;", img));
    }
}
