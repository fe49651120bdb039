package org.campusproctor.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Identity verification on the real server, with the real face model: candidate A is enrolled with one photo; an
 * identity check with another photo of A passes without a proctor; one with B's face waits for a proctor, whose
 * approval moves it on; B's face in A's running attempt raises IDENTITY_MISMATCH with the frames as evidence.
 * Photos: the identity set of the vision worker's tests (Obama as A, Biden as B; licences beside them).
 */
class IdentityVerificationIT {

    static final String IDENTITY = "../vision-worker/src/test/resources/identity/";
    static final byte[] A_ENROLMENT = TestImages.file(IDENTITY + "obama_a.jpg");
    static final byte[] A_LIVE = TestImages.file(IDENTITY + "obama_b.jpg");
    static final byte[] B_LIVE = TestImages.file(IDENTITY + "biden_a.jpg");

    static Client registrar;
    static Client proctor;
    static JsonObject exam;

    @BeforeAll
    static void examWithIdentityCheck() throws Exception {
        registrar = Client.demo("registrar");
        proctor = Client.demo("proctor");
        exam = Scenario.exam(registrar, 3600, true, Scenario.shortTexts(1));
    }

    /** A fresh candidate registered (assigned to the demo proctor) and enrolled with A's photo; returns the registration. */
    static String enrolledRegistration(Client candidate) throws Exception {
        String registration = Scenario.registerAssigned(registrar, exam.getString("id"), candidate, "proctor", 0);
        JsonObject r = registrar.expect(200, registrar.upload("PUT", "/api/registrations/" + registration + "/enrolment-photo",
                "image/jpeg", A_ENROLMENT));
        assertTrue(r.getBoolean("enrolmentPhoto"), r.toString());
        return registration;
    }

    static String open(Client candidate, String registration) throws Exception {
        return candidate.expect(201, candidate.post("/api/registrations/" + registration + "/attempt", null)).getString("id");
    }

    static JsonObject identityPhoto(Client candidate, String attemptId, byte[] photo) throws Exception {
        return candidate.expect(200, candidate.upload("/api/attempts/" + attemptId + "/identity-photo", "image/jpeg", photo));
    }

    @Test
    void theEnrolledCandidatePassesWithoutAProctor() throws Exception {
        Client a = Scenario.newUser("candidate");
        String attemptId = open(a, enrolledRegistration(a));
        JsonObject view = identityPhoto(a, attemptId, A_LIVE);
        assertEquals("READY", view.getString("status"), view.toString());
        JsonObject check = view.getJsonObject("identityCheck");
        assertEquals("MATCHED", check.getString("outcome"), check.toString());
        assertFalse(check.getBoolean("awaitingProctor"));
        assertEquals("FACE_MATCH", check.getString("verifiedMethod"));
        assertFalse(check.containsKey("distance") && check.get("distance") != JsonValue.NULL, "no distance for candidates: " + check);
        JsonObject staff = proctor.expect(200, proctor.get("/api/attempts/" + attemptId)).getJsonObject("identityCheck");
        assertTrue(staff.getJsonNumber("distance").doubleValue() <= staff.getJsonNumber("threshold").doubleValue(), staff.toString());
        a.expect(200, a.post("/api/attempts/" + attemptId + "/start", null));
    }

    @Test
    void anotherFaceWaitsForAProctorWhoseApprovalMovesItOn() throws Exception {
        Client a = Scenario.newUser("candidate");
        String attemptId = open(a, enrolledRegistration(a));
        JsonObject view = identityPhoto(a, attemptId, B_LIVE);
        assertEquals("IDENTITY_CHECK", view.getString("status"), "never READY by itself: " + view);
        JsonObject check = view.getJsonObject("identityCheck");
        assertEquals("MISMATCH", check.getString("outcome"), check.toString());
        assertTrue(check.getBoolean("awaitingProctor"));
        assertEquals(409, a.post("/api/attempts/" + attemptId + "/ready", null).statusCode(), "the candidate cannot skip it");
        assertEquals(409, a.post("/api/attempts/" + attemptId + "/start", null).statusCode());
        JsonObject staff = proctor.expect(200, proctor.get("/api/attempts/" + attemptId)).getJsonObject("identityCheck");
        assertTrue(staff.getJsonNumber("distance").doubleValue() > staff.getJsonNumber("threshold").doubleValue(), staff.toString());
        // in the assigned proctor's approval queue, not in another proctor's
        assertTrue(queue(proctor).contains(attemptId), "in the proctor's queue");
        assertFalse(queue(Scenario.newUser("proctor")).contains(attemptId), "not in another proctor's queue");

        JsonObject approved = proctor.expect(200, proctor.post("/api/attempts/" + attemptId + "/identity-verified", null));
        assertEquals("READY", approved.getString("status"));
        assertFalse(queue(proctor).contains(attemptId), "approved: out of the queue");
        assertEquals("PROCTOR", approved.getJsonObject("identityCheck").getString("verifiedMethod"));
        a.expect(200, a.post("/api/attempts/" + attemptId + "/start", null));
    }

    @Test
    void withoutEnrolmentTheProctorDecidesAndTheApprovedPhotoBecomesTheEnrolment() throws Exception {
        Client c = Scenario.newUser("candidate");
        String registration = Scenario.registerAssigned(registrar, exam.getString("id"), c, "proctor", 0);
        String attemptId = open(c, registration);
        JsonObject check = identityPhoto(c, attemptId, A_LIVE).getJsonObject("identityCheck");
        assertEquals("NO_ENROLMENT", check.getString("outcome"), check.toString());
        assertTrue(check.getBoolean("awaitingProctor"));
        proctor.expect(200, proctor.post("/api/attempts/" + attemptId + "/identity-verified", null));
        assertTrue(Scenario.audit(null, "ENROLMENT_PHOTO_RECORDED", null, null).stream()
                        .anyMatch(e -> e.getString("detail", "").contains("identity check of attempt " + attemptId)),
                "the approved photo became the enrolment, audited");
    }

    @Test
    void unusableEnrolmentPhotosAreRefusedWithTheReason() throws Exception {
        Client c = Scenario.newUser("candidate");
        String registration = Scenario.registerAssigned(registrar, exam.getString("id"), c, "proctor", 0);
        String path = "/api/registrations/" + registration + "/enrolment-photo";
        HttpResponse<String> none = registrar.upload("PUT", path, "image/jpeg", TestImages.syntheticJpeg(320, 240));
        assertEquals(400, none.statusCode(), none.body());
        assertEquals("ENROLMENT_PHOTO_NO_FACE", Server.json(none).getString("error"));
        HttpResponse<String> crew = registrar.upload("PUT", path, "image/jpeg",
                TestImages.file("../weights/testdata/images/multi_face/nasa_apollo11_crew_3faces.jpg"));
        assertEquals(400, crew.statusCode(), crew.body());
        assertEquals("ENROLMENT_PHOTO_SEVERAL_FACES", Server.json(crew).getString("error"));
        HttpResponse<String> replay = registrar.upload("PUT", path, "image/jpeg",
                TestImages.file("../weights/testdata/images/spoof/spoof_screen_replay_silentface_F2_upright.jpg"));
        assertEquals(400, replay.statusCode(), replay.body());
        assertEquals("ENROLMENT_PHOTO_SPOOF", Server.json(replay).getString("error"));
        // re-enrolment is audited with the photo it replaces
        registrar.expect(200, registrar.upload("PUT", path, "image/jpeg", A_ENROLMENT));
        registrar.expect(200, registrar.upload("PUT", path, "image/jpeg", A_LIVE));
        assertFalse(Scenario.audit(null, "ENROLMENT_PHOTO_REPLACED", null, null).isEmpty());
    }

    @Test
    void anExamWithoutIdentityCheckIsNeverBlockedByAMissingEnrolment() throws Exception {
        Scenario.Running running = Scenario.running(3600); // no enrolment photo, started through "ready"
        JsonObject view = running.candidate().expect(200, running.candidate().get("/api/attempts/" + running.attemptId()));
        assertEquals("IN_PROGRESS", view.getString("status"));
        HttpResponse<String> photo = running.candidate().upload("/api/attempts/" + running.attemptId() + "/identity-photo",
                "image/jpeg", A_LIVE);
        assertEquals(409, photo.statusCode(), photo.body());
    }

    @Test
    void anotherFaceInTheRunningAttemptRaisesIdentityMismatchWithEvidence() throws Exception {
        Client a = Scenario.newUser("candidate");
        String attemptId = open(a, enrolledRegistration(a));
        assertEquals("READY", identityPhoto(a, attemptId, A_LIVE).getString("status"));
        a.expect(200, a.post("/api/attempts/" + attemptId + "/start", null));
        // a face swap: B and A alternate in front of the camera
        List<String> bFrames = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            String mediaId = uploadFrame(a, attemptId, i % 2 == 0 ? B_LIVE : A_LIVE);
            if (i % 2 == 0) {
                bFrames.add(mediaId);
            }
        }
        JsonObject incident = Eventually.await(Duration.ofSeconds(180), Duration.ofSeconds(1), () -> {
            JsonObject view = proctor.expect(200, proctor.get("/api/attempts/" + attemptId));
            return view.getJsonArray("incidents").getValuesAs(JsonObject.class).stream()
                    .filter(i -> i.getString("type").equals("IDENTITY_MISMATCH")).findFirst().orElse(null);
        }, i -> i != null, "IDENTITY_MISMATCH on attempt " + attemptId);
        List<String> evidence = incident.getJsonArray("evidenceMediaIds").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
        assertEquals(bFrames, evidence, "the evidence is B's frames: " + incident);
    }

    /** The attempt ids in this member of staff's identity-check approval queue. */
    static List<String> queue(Client staff) throws Exception {
        HttpResponse<String> r = staff.get("/api/identity-checks");
        assertEquals(200, r.statusCode(), r.body());
        return Server.jsonArray(r).getValuesAs(JsonObject.class).stream().map(o -> o.getString("id")).toList();
    }

    /** Uploads a frame, waiting out the upload rate limit (429 with retryAfterMillis). */
    static String uploadFrame(Client candidate, String attemptId, byte[] frame) throws Exception {
        for (int tries = 0; tries < 60; tries++) {
            HttpResponse<String> r = candidate.upload("/api/attempts/" + attemptId + "/frames", "image/jpeg", frame);
            if (r.statusCode() == 202) {
                return Server.json(r).getString("mediaId");
            }
            assertEquals(429, r.statusCode(), r.body());
            Thread.sleep(Math.max(200, Server.json(r).getJsonNumber("retryAfterMillis").longValue()));
        }
        throw new AssertionError("frame never admitted");
    }
}
