package org.campusproctor.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a real browser, the registrar's and the administrator's main flows: create an exam and find it in the paged
 * list, import candidates for it from a CSV (with one bad row) and read the job's progress and report, see the
 * charts; then as admin find an imported account, set its password, create and disable an account, and filter the
 * audit log. axe-core on every page; screenshots in target/screenshots.
 */
class ConsolesBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void registrarAndAdminConsoles() throws Exception {
        String title = Scenario.unique("Console exam");
        String candidate = Scenario.unique("console-cand");
        try (Browser browser = Browser.open("consoles")) {
            browser.logIn("registrar", "demo-registrar");
            assertEquals("/registrar/index.xhtml", browser.path());
            check(browser, "registrar-home");

            browser.find("a[id$='nav-exams']").click();
            await(browser, d -> browser.path().equals("/registrar/exams.xhtml"), WAIT);
            browser.find("#exams\\:title").sendKeys(title);
            browser.find("#exams\\:create").click();
            await(browser, d -> text(d).contains("Draft exam \"" + title + "\" created"), WAIT);
            browser.find("#exams\\:query").sendKeys(title);
            browser.find("#exams\\:search").click();
            await(browser, d -> rows(d, "exams:exam-table") == 1 && text(d).contains(title), WAIT);
            String examId = browser.find("#exams\\:exam-table_data tr td:last-child code").getText();
            check(browser, "exams");

            browser.find("a[id$=':open']").click();
            await(browser, d -> browser.path().equals("/registrar/exam.xhtml"), WAIT);
            browser.find("#exam\\:prompt").sendKeys("2+2?");
            browser.find("#exam\\:choices").sendKeys("3\n4\n5");
            browser.find("#exam\\:key").sendKeys("2");
            browser.find("#exam\\:save-question").click();
            await(browser, d -> text(d).contains("Question added") && text(d).contains("○ 4"), WAIT);
            check(browser, "exam-editor");

            // a draft's settings change freely: a window and a passing score (a time that is no instant is refused)
            java.time.Instant from = java.time.Instant.now().minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            java.time.Instant until = from.plus(Duration.ofDays(30));
            type(browser, "#exam\\:available-from", "tomorrow");
            browser.find("#exam\\:save-settings").click();
            await(browser, d -> text(d).contains("Available from must be an ISO instant"), WAIT);
            type(browser, "#exam\\:available-from", from.toString());
            type(browser, "#exam\\:available-until", until.toString());
            type(browser, "input[id='exam:passing_input']", "62.5");
            browser.find("#exam\\:save-settings").click();
            await(browser, d -> text(d).contains("Settings saved"), WAIT);
            assertEquals(from + " – " + until, browser.find("#window-shown").getText());
            assertEquals("62.50%", browser.find("#passing-shown").getText());
            check(browser, "exam-settings");
            JsonObject changed = Scenario.audit(null, "EXAM_SETTINGS_CHANGED", null, examId).get(0);
            assertEquals("availableFrom: null -> " + from + "; availableUntil: null -> " + until
                    + "; passingScore: 50.00 -> 62.50", changed.getString("detail"));
            Path bank = Files.createTempFile("questions", ".json");
            Files.writeString(bank, "{\"format\":1,\"questions\":[{\"type\":\"TRUE_FALSE\",\"prompt\":\"Imported from a file?\","
                    + "\"points\":1,\"correctBoolean\":true}]}", StandardCharsets.UTF_8);
            browser.find("input[type=file][id='bank:bank-file']").sendKeys(bank.toString());
            browser.find("#bank\\:import-questions").click();
            await(browser, d -> text(d).contains("1 question(s) imported") && text(d).contains("Imported from a file?"), WAIT);
            browser.find("#exam\\:publish").click();
            await(browser, d -> "PUBLISHED".equals(d.findElement(By.id("status")).getText()), WAIT);

            browser.find("a[id$='nav-jobs']").click();
            await(browser, d -> browser.path().equals("/registrar/jobs.xhtml"), WAIT);
            Path csv = Files.createTempFile("enrolment", ".csv");
            Files.writeString(csv, "username,displayName,exam\n" + candidate + ",Console Candidate," + examId + "\n"
                    + "x,Too Short," + examId + "\n", StandardCharsets.UTF_8);
            browser.find("input[type=file][id='import:csv']").sendKeys(csv.toString());
            browser.find("#import\\:start-import").click();
            await(browser, d -> text(d).contains("started"), WAIT);
            await(browser, d -> {
                try {
                    if (text(d).contains("IMPORTED") && text(d).contains("registrationsCreated=1")) {
                        return true;
                    }
                    d.findElement(By.id("executions:refresh")).click();
                    Thread.sleep(500);
                } catch (org.openqa.selenium.StaleElementReferenceException | InterruptedException e) {
                    // the table was being replaced: look again
                }
                return false;
            }, Duration.ofSeconds(60));
            check(browser, "jobs-import-done");
            browser.driver.findElement(By.cssSelector("a[id$=':show']")).click();
            await(browser, d -> text(d).contains("username must be 3..100"), WAIT);
            check(browser, "jobs-report");

            browser.go("/registrar/exam.xhtml?id=" + examId);
            await(browser, d -> rows(d, "exam:registration-table") == 1 && text(d).contains(candidate), WAIT);
            browser.driver.findElement(By.cssSelector("button[id$=':allowances']")).click();
            browser.waitVisible("input[id='exam:extra_input']", WAIT)
                    .sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "15");
            browser.find("#exam\\:accommodations").sendKeys("large print");
            browser.find("#exam\\:save-allowances").click();
            await(browser, d -> text(d).contains("Allowances saved") && text(d).contains("large print"), WAIT);
            check(browser, "exam-allowances");

            browser.find("a[id$='nav-statistics']").click();
            await(browser, d -> browser.path().equals("/registrar/statistics.xhtml"), WAIT);
            await(browser, d -> d.findElements(By.cssSelector("canvas")).size() == 3, WAIT);
            assertTrue(text(browser.driver).contains("Attempts per state"));
            check(browser, "statistics");
            browser.driver.findElement(By.id("sign-out:sign-out-button")).click();
            await(browser, d -> d.getCurrentUrl().contains("/login.xhtml"), WAIT);

            browser.logIn("admin", "demo-admin");
            browser.go("/admin/accounts.xhtml");
            browser.find("#accounts\\:query").sendKeys(candidate);
            browser.find("#accounts\\:search").click();
            await(browser, d -> rows(d, "accounts:account-table") == 1 && text(d).contains("no password"), WAIT);
            check(browser, "accounts-imported");
            browser.find("#accounts\\:reset-username").sendKeys(candidate);
            browser.find("#accounts\\:reset-password_input, #accounts\\:reset-password").sendKeys(Client.IT_PASSWORD);
            browser.find("#accounts\\:reset").click();
            await(browser, d -> text(d).contains("Password of " + candidate + " set"), WAIT);
            Client.login(candidate, Client.IT_PASSWORD); // the imported candidate can log in now

            String staff = Scenario.unique("console-staff");
            browser.find("#accounts\\:username").sendKeys(staff);
            browser.find("#accounts\\:display-name").sendKeys("Console Staff");
            browser.find("#accounts\\:password_input, #accounts\\:password").sendKeys(Client.IT_PASSWORD);
            browser.find("#accounts\\:create").click();
            await(browser, d -> text(d).contains("Account " + staff + " created"), WAIT);
            browser.find("#accounts\\:query").clear();
            browser.find("#accounts\\:query").sendKeys(staff);
            browser.find("#accounts\\:search").click();
            await(browser, d -> rows(d, "accounts:account-table") == 1 && text(d).contains("Console Staff"), WAIT);
            browser.driver.findElement(By.cssSelector("button[id$=':disable']")).click();
            await(browser, d -> text(d).contains("Account " + staff + " disabled"), WAIT);
            check(browser, "accounts-disabled");

            browser.find("a[id$='nav-audit']").click();
            await(browser, d -> browser.path().equals("/admin/audit.xhtml"), WAIT);
            browser.find("#audit\\:action").sendKeys("ACCOUNT_DISABLED");
            browser.find("#audit\\:target-id").sendKeys(staff);
            browser.find("#audit\\:filter").click();
            await(browser, d -> rows(d, "audit:audit-table") == 1 && text(d).contains("ACCOUNT_DISABLED"), WAIT);
            assertTrue(browser.find("#audit\\:export").getAttribute("href").contains("action=ACCOUNT_DISABLED"));
            check(browser, "audit");

            // a frame analysed now shows on the system page: its worker node, a throughput, the models it ran
            Scenario.Running running = Scenario.running(600);
            java.net.http.HttpResponse<String> upload = running.candidate().upload("/api/attempts/" + running.attemptId()
                    + "/frames", "image/jpeg", TestImages.syntheticJpeg(640, 480));
            assertEquals(202, upload.statusCode(), upload.body());
            String mediaId = Server.json(upload).getString("mediaId");
            Client proctor = Client.demo("proctor");
            String node = Eventually.await(Duration.ofSeconds(60), Duration.ofMillis(250),
                    () -> proctor.get("/api/frames/" + mediaId + "/analysis"), r -> r.statusCode() == 200,
                    "the frame's analysis").body();
            node = Server.json(node).getJsonObject("detail").getString("workerNode");
            browser.find("a[id$='nav-system']").click();
            await(browser, d -> browser.path().equals("/admin/system.xhtml") && text(d).contains("Database schema"), WAIT);
            assertTrue(text(browser.driver).contains("frames.dlq"), "the queues with their depth");
            String workerRow = browser.find("[id='system:worker-table_data']").getText();
            assertTrue(workerRow.contains(node), workerRow);
            assertTrue(rows(browser.driver, "system:worker-table") >= 1);
            String models = browser.find("[id='system:worker-table_data'] tr td:last-child").getText();
            assertTrue(!models.isBlank(), "the models of the latest analysis: " + workerRow);
            check(browser, "system");
        }
    }

    /**
     * On a published exam with a submitted attempt: the registrar changes the proctoring settings and an incident
     * threshold (a threshold out of range is refused, naming it), cannot change the duration (an attempt has started)
     * and sees the attempt with its status and outcome, then grades the essay and sees the attempt's score;
     * the API and the audit log agree with the page.
     */
    @Test
    void proctoringSettingsAndEssayGrading() throws Exception {
        Client registrar = Client.demo("registrar");
        Client candidate = Scenario.newUser("candidate");
        Client proctor = Scenario.newUser("proctor");
        JsonObject exam = Scenario.exam(registrar, 600, false, List.of(
                Scenario.question("SHORT_TEXT", "Capital of France?", 1).add("acceptedAnswers", Scenario.arr("Paris")).build(),
                Scenario.question("ESSAY", "Is proctoring proportionate?", 5).build()));
        String examId = exam.getString("id");
        String registration = Scenario.register(registrar, examId, candidate, null, 0);
        JsonObject attempt = Scenario.startedAttempt(candidate, registration);
        String base = "/api/attempts/" + attempt.getString("id");
        for (JsonValue q : attempt.getJsonArray("questions")) {
            JsonObject question = q.asJsonObject();
            String response = question.getString("type").equals("ESSAY") ? "Only with consent.\nAnd a human decides."
                    : "Paris";
            candidate.expect(200, candidate.put(base + "/answers/" + question.getString("id"),
                    Scenario.save(null, response, "s1", 1)));
        }
        candidate.expect(200, candidate.post(base + "/submit", null));

        try (Browser browser = Browser.open("grading")) {
            browser.logIn("registrar", "demo-registrar");
            browser.go("/registrar/exam.xhtml?id=" + examId);
            await(browser, d -> "PUBLISHED".equals(d.findElement(By.id("status")).getText()), WAIT);
            assertEquals("5", browser.find("input[id='exam:frame-interval_input']").getAttribute("value"));
            type(browser, "input[data-threshold='maxYawDegrees']", "500");
            browser.find("#exam\\:save-proctoring").click();
            await(browser, d -> text(d).contains("incident threshold maxYawDegrees must be degrees, 0..180"), WAIT);
            type(browser, "input[data-threshold='maxYawDegrees']", "40");
            type(browser, "input[id='exam:frame-interval_input']", "7");
            browser.find("#exam\\:save-proctoring").click();
            await(browser, d -> text(d).contains("Proctoring settings saved"), WAIT);
            check(browser, "exam-proctoring");
            JsonObject saved = registrar.expect(200, registrar.get("/api/exams/" + examId));
            assertEquals(7, saved.getInt("frameIntervalSeconds"));
            assertEquals(40.0, saved.getJsonObject("incidentThresholds").getJsonNumber("maxYawDegrees").doubleValue());
            assertEquals(1, saved.getJsonObject("incidentThresholds").size(), "only the threshold typed is overridden");
            JsonObject audit = Scenario.audit(null, "EXAM_PROCTORING_CHANGED", null, examId).get(0);
            assertEquals("frameIntervalSeconds 5 -> 7; maxYawDegrees default -> 40.0", audit.getString("detail"));

            // the attempt has started (and was submitted): the duration stays, and the attempt is listed with its outcome
            type(browser, "input[id='exam:duration_input']", "15");
            browser.find("#exam\\:save-settings").click();
            await(browser, d -> text(d).contains("The duration cannot change once an attempt of the exam has started"), WAIT);
            assertEquals("10 minutes", browser.find("#duration-shown").getText());
            assertEquals(600, registrar.expect(200, registrar.get("/api/exams/" + examId)).getInt("durationSeconds"));
            assertEquals(409, registrar.put("/api/exams/" + examId + "/settings", jakarta.json.Json.createObjectBuilder()
                    .add("title", exam.getString("title")).add("durationSeconds", 900).add("passingScore", 50).build())
                    .statusCode(), "the API keeps the same rule");
            assertEquals("1 attempt(s): 1 SUBMITTED", browser.find("#attempt-counts").getText());
            assertEquals(1, rows(browser.driver, "exam:attempt-table"));
            String row = browser.find("[id='exam:attempt-table_data'] tr").getText();
            String outcome = registrar.expect(200, registrar.get(base)).getString("outcome");
            assertTrue(row.contains(candidate.username) && row.contains("SUBMITTED") && row.contains(outcome), row);
            check(browser, "exam-attempts");

            // the attempt is assigned to nobody: the registrar assigns a proctor (only a proctor account will do)
            await(browser, d -> text(d).contains("(no proctor) 1"), WAIT);
            proctor.expect(404, proctor.get(base));
            browser.driver.findElement(By.cssSelector("button[id$=':allowances']")).click();
            type(browser, "input[id='exam:assigned-proctor']", candidate.username);
            browser.find("#exam\\:save-proctor").click();
            await(browser, d -> text(d).contains(candidate.username + " is not a proctor"), WAIT);
            type(browser, "input[id='exam:assigned-proctor']", proctor.username);
            browser.find("#exam\\:save-proctor").click();
            await(browser, d -> text(d).contains("Proctor " + proctor.username + " assigned")
                    && text(d).contains(proctor.username + " 1"), WAIT);
            check(browser, "exam-sessions");
            assertEquals(proctor.username, proctor.expect(200, proctor.get(base)).getString("proctor"),
                    "the new proctor reads the attempt");

            browser.find("a[id$=':grading']").click();
            await(browser, d -> browser.path().equals("/registrar/grading.xhtml")
                    && rows(d, "grading:essay-table") == 1 && text(d).contains(candidate.username), WAIT);
            check(browser, "grading-list");
            browser.driver.findElement(By.cssSelector("button[id$=':open']")).click();
            await(browser, d -> d.findElement(By.id("essay-text")).getText().equals("Only with consent.\nAnd a human decides."), WAIT);
            assertEquals("Is proctoring proportionate?", browser.find("#essay-prompt").getText());
            check(browser, "grading-essay");
            type(browser, "input[id='grading:points_input']", "4");
            browser.find("#grading\\:comment").sendKeys("Well argued, one source missing.");
            browser.find("#grading\\:save-grade").click();
            await(browser, d -> text(d).contains("Essay of " + candidate.username + " graded: 4 of 5 points"), WAIT);
            assertEquals("5.00 of 6.00", browser.find("#score").getText());
            assertEquals(0, rows(browser.driver, "grading:essay-table"), "the graded essay left the list");
            check(browser, "grading-done");
        }
        JsonObject graded = registrar.expect(200, registrar.get(base));
        assertEquals(new java.math.BigDecimal("5.00"), graded.getJsonNumber("score").bigDecimalValue());
        assertTrue(graded.getBoolean("gradingComplete"), graded.toString());
        List<JsonObject> audit = Scenario.audit(null, "ANSWER_GRADED", null, attempt.getString("id"));
        assertEquals(1, audit.size(), audit.toString());
    }

    /** Replaces an input's text (select all, then type). */
    private static void type(Browser browser, String css, String text) {
        browser.waitVisible(css, WAIT).sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), text);
    }

    /** axe-core once the pointer rests outside the page's controls (and the page is at rest: {@link Browser#checkPage}). */
    private static void check(Browser browser, String step) {
        new org.openqa.selenium.interactions.Actions(browser.driver).moveToLocation(1, 1).perform();
        browser.checkPage(step);
    }

    /** Waits for the condition; on a time-out keeps a screenshot and fails with the page's text. */
    private static void await(Browser browser, java.util.function.Function<WebDriver, Boolean> condition, Duration timeout) {
        try {
            browser.waitFor(d -> {
                try {
                    return condition.apply(d);
                } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
                    return false; // the part of the page being looked at was just replaced by an update
                }
            }, timeout);
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("failure");
            throw new AssertionError("on " + browser.path() + ": " + text(browser.driver), e);
        }
    }

    private static String text(WebDriver d) {
        return d.findElement(By.tagName("body")).getText();
    }

    /** Data rows of a PrimeFaces table (its "empty" row does not count). */
    private static int rows(WebDriver d, String tableId) {
        return (int) d.findElements(By.cssSelector("[id='" + tableId + "_data'] > tr")).stream()
                .filter(r -> !r.getAttribute("class").contains("ui-datatable-empty-message")).count();
    }
}
