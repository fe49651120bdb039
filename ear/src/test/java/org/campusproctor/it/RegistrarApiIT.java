package org.campusproctor.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registrar's and admin's API beyond single objects: paged searches, question edits, allowances, audit export. */
class RegistrarApiIT {

    @Test
    void examsAndRegistrationsArePagedAndSearchedOnTheServer() throws Exception {
        Client registrar = Client.demo("registrar");
        String tag = Scenario.unique("paged");
        for (int i = 0; i < 3; i++) {
            registrar.expect(201, registrar.post("/api/exams", Json.createObjectBuilder().add("title", tag + " " + i)
                    .add("durationSeconds", 60).add("passingScore", 50).build()));
        }
        JsonObject page0 = registrar.expect(200, registrar.get("/api/exams?query=" + tag + "&page=0&size=2"));
        assertEquals(3, page0.getJsonNumber("total").longValue());
        assertEquals(2, page0.getJsonArray("items").size());
        assertEquals(1, registrar.expect(200, registrar.get("/api/exams?query=" + tag + "&page=1&size=2"))
                .getJsonArray("items").size());
        assertEquals(0, registrar.expect(200, registrar.get("/api/exams?query=%25" + tag)).getJsonNumber("total").longValue(),
                "a % in the query is a character, not a wildcard");
        assertEquals(400, registrar.get("/api/exams?size=100000").statusCode());
        assertEquals(400, registrar.get("/api/exams?page=-1").statusCode());
    }

    @Test
    void questionsOfADraftAreEditedAndAllowancesChangeUntilTheAttemptStarts() throws Exception {
        Client registrar = Client.demo("registrar");
        String exam = registrar.expect(201, registrar.post("/api/exams", Json.createObjectBuilder()
                .add("title", Scenario.unique("edit")).add("durationSeconds", 600).add("passingScore", 50)
                .add("proctoring", Json.createObjectBuilder().add("identityCheck", false)).build())).getString("id");
        String q = registrar.expect(201, registrar.post("/api/exams/" + exam + "/questions",
                Scenario.question("SINGLE_CHOICE", "2+2?", 1).add("choices", Scenario.arr("3", "4"))
                        .add("correctChoices", Json.createArrayBuilder().add(1)).build())).getString("id");
        JsonObject edited = registrar.expect(200, registrar.put("/api/exams/" + exam + "/questions/" + q,
                Scenario.question("SINGLE_CHOICE", "2+3?", 2).add("choices", Scenario.arr("5", "6", "7"))
                        .add("correctChoices", Json.createArrayBuilder().add(0)).build()));
        assertEquals("2+3?", edited.getString("prompt"));
        assertEquals(3, edited.getJsonArray("choices").size());
        assertEquals(400, registrar.put("/api/exams/" + exam + "/questions/" + q, Scenario.question("TRUE_FALSE", "x", 1)
                .add("correctBoolean", true).build()).statusCode(), "a question's type stays");
        assertEquals("2+3?", registrar.expect(200, registrar.get("/api/exams/" + exam)).getJsonArray("questions")
                .getJsonObject(0).getString("prompt"), "a refused edit changes nothing");
        registrar.expect(200, registrar.post("/api/exams/" + exam + "/publish", null));
        assertEquals(409, registrar.put("/api/exams/" + exam + "/questions/" + q, Scenario.question("SINGLE_CHOICE", "late", 1)
                .add("choices", Scenario.arr("a", "b")).add("correctChoices", Json.createArrayBuilder().add(0)).build())
                .statusCode());

        Client candidate = Scenario.newUser("candidate");
        String registration = Scenario.register(registrar, exam, candidate, null, 0);
        String allowances = "/api/registrations/" + registration + "/allowances";
        JsonObject changed = registrar.expect(200, registrar.put(allowances, Json.createObjectBuilder()
                .add("extraTimeSeconds", 300).add("accommodations", "screen reader").build()));
        assertEquals(300, changed.getJsonNumber("extraTimeSeconds").longValue());
        String attempt = candidate.expect(201, candidate.post("/api/registrations/" + registration + "/attempt", null)).getString("id");
        registrar.expect(200, registrar.put(allowances, Json.createObjectBuilder().add("extraTimeSeconds", 600).build()));
        candidate.expect(200, candidate.post("/api/attempts/" + attempt + "/ready", null));
        JsonObject started = candidate.expect(200, candidate.post("/api/attempts/" + attempt + "/start", null));
        assertTrue(started.getJsonNumber("remainingSeconds").longValue() > 1100, "600 s + 600 s extra: " + started);
        assertEquals(409, registrar.put(allowances, Json.createObjectBuilder().add("extraTimeSeconds", 0).build()).statusCode());
        assertEquals(403, candidate.put(allowances, Json.createObjectBuilder().add("extraTimeSeconds", 9999).build()).statusCode());
        Client admin = Scenario.admin();
        JsonObject audit = admin.expect(200, admin.get("/api/audit/search?action=ALLOWANCES_CHANGED&targetId=" + registration));
        assertEquals(2, audit.getJsonNumber("total").longValue(), audit.toString());
    }

    /**
     * A question bank exported from one exam and imported into a draft gives the same questions and keys; a file
     * with one bad question adds none and names it; a published exam takes no import; only whole files of the format.
     */
    @Test
    void questionBankFilesRoundTrip() throws Exception {
        Client registrar = Client.demo("registrar");
        JsonObject source = Scenario.exam(registrar, 600, false, Scenario.everyType());
        HttpResponse<String> export = registrar.get("/api/exams/" + source.getString("id") + "/questions/file");
        assertEquals(200, export.statusCode(), export.body());
        assertTrue(export.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));
        JsonObject file = Server.json(export);
        assertEquals(1, file.getInt("format"));
        assertEquals(6, file.getJsonArray("questions").size());
        assertEquals(List.of(1), file.getJsonArray("questions").getJsonObject(0).getJsonArray("correctChoices")
                .getValuesAs(jakarta.json.JsonNumber.class).stream().map(jakarta.json.JsonNumber::intValue).toList(),
                "answer keys travel with the questions");

        String draft = registrar.expect(201, registrar.post("/api/exams", Json.createObjectBuilder()
                .add("title", Scenario.unique("imported")).add("durationSeconds", 600).add("passingScore", 50).build()))
                .getString("id");
        assertEquals(6, registrar.expect(200, registrar.post("/api/exams/" + draft + "/questions/file", file)).getInt("imported"));
        JsonObject again = Server.json(registrar.get("/api/exams/" + draft + "/questions/file"));
        assertEquals(file.getJsonArray("questions"), again.getJsonArray("questions"), "the round trip keeps every question and key");

        // one bad question (an option index out of range) among good ones: nothing is added, the error names it
        jakarta.json.JsonArrayBuilder items = Json.createArrayBuilder(file.getJsonArray("questions"));
        items.set(2, Scenario.question("SINGLE_CHOICE", "Bad key", 1).add("choices", Scenario.arr("a", "b"))
                .add("correctChoices", Json.createArrayBuilder().add(7)));
        JsonObject bad = Json.createObjectBuilder(file).add("questions", items).build();
        JsonObject refused = registrar.expect(400, registrar.post("/api/exams/" + draft + "/questions/file", bad));
        assertTrue(refused.getString("message").startsWith("question 3: Correct options must be indexes 0..1"), refused.toString());
        assertEquals(6, registrar.expect(200, registrar.get("/api/exams/" + draft)).getJsonArray("questions").size(),
                "all or nothing");
        assertEquals(400, registrar.post("/api/exams/" + draft + "/questions/file",
                Json.createObjectBuilder(file).add("format", 2).build()).statusCode());
        assertEquals(400, registrar.post("/api/exams/" + draft + "/questions/file",
                Json.createObjectBuilder().add("format", 1).add("questions", Json.createArrayBuilder()).build()).statusCode());
        assertEquals(409, registrar.post("/api/exams/" + source.getString("id") + "/questions/file", file).statusCode(),
                "a published exam's questions stay as candidates see them");
        Client candidate = Scenario.newUser("candidate");
        assertEquals(403, candidate.get("/api/exams/" + source.getString("id") + "/questions/file").statusCode(),
                "the keys are for registrars");
    }

    @Test
    void auditLogIsFilteredAndExported() throws Exception {
        Client admin = Scenario.admin();
        Instant from = Instant.now().minusSeconds(1);
        Client user = Scenario.newUser("proctor");
        String until = URLEncoder.encode(Instant.now().plusSeconds(60).toString(), StandardCharsets.UTF_8);
        String filter = "actor=admin&action=ACCOUNT_CREATED&targetId=" + user.username + "&from="
                + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8) + "&until=" + until;
        JsonObject page = admin.expect(200, admin.get("/api/audit/search?" + filter));
        assertEquals(1, page.getJsonNumber("total").longValue(), page.toString());
        HttpResponse<String> csv = admin.get("/api/audit/export?" + filter);
        assertEquals(200, csv.statusCode());
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();
        assertEquals(1, rows.size());
        assertEquals(user.username, rows.get(0).get("targetId"));
        assertEquals(400, admin.get("/api/audit/search?from=yesterday").statusCode());
        assertEquals(403, Client.demo("registrar").get("/api/audit/export").statusCode());
        assertTrue(admin.expect(200, admin.get("/api/accounts?query=" + user.username)).getJsonNumber("total").longValue() == 1);
    }
}
