package org.campusproctor.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.campusproctor.application.AttemptQueries;
import org.campusproctor.application.AttemptReview;
import org.campusproctor.application.AttemptView;
import org.campusproctor.application.CandidateAttempts;
import org.campusproctor.application.Grading;
import org.campusproctor.application.ProctorActions;
import org.campusproctor.domain.InvalidInputException;
import org.campusproctor.domain.attempt.Severity;
import org.campusproctor.domain.identity.Role;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * Exam attempts: the candidate's lifecycle and autosave, the proctor's actions, review and grading. Roles are
 * enforced by the application services (@RolesAllowed); this class only translates HTTP.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AttemptResource {

    /** The id of what a request created. */
    public record Created(String id) {
    }


    @Inject
    private CandidateAttempts candidate;

    @Inject
    private ProctorActions proctor;

    @Inject
    private AttemptReview review;

    @Inject
    private Grading grading;

    @Inject
    private AttemptQueries queries;

    @Inject
    private SecurityContext security;

    // ---- candidate ----

    @POST
    @Path("registrations/{registrationId}/attempt")
    public Response open(@PathParam("registrationId") String registrationId) {
        return Response.status(Response.Status.CREATED).entity(candidate.open(registrationId)).build();
    }

    @GET
    @Path("attempts/{id}")
    public AttemptView view(@PathParam("id") String id) {
        // a candidate sees their own attempt without incidents or reviewer notes; staff see everything
        return security.isCallerInRole(Role.CANDIDATE_NAME) ? candidate.view(id) : queries.view(id);
    }

    @POST
    @Path("attempts/{id}/identity-check")
    public AttemptView beginIdentityCheck(@PathParam("id") String id) {
        return candidate.beginIdentityCheck(id);
    }

    /**
     * The candidate's identity-check photo (JPEG or PNG body, at most the frame size limit): compared with the
     * enrolment photo; READY on a match, else the attempt waits for a proctor ({@code identityCheck} in the answer).
     */
    @POST
    @Path("attempts/{id}/identity-photo")
    @Consumes({"image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM})
    public AttemptView identityPhoto(@PathParam("id") String id, InputStream body) throws IOException {
        return candidate.submitIdentityPhoto(id, EnrolmentPhotoResource.readPhoto(body));
    }

    @POST
    @Path("attempts/{id}/ready")
    public AttemptView ready(@PathParam("id") String id) {
        return candidate.markReady(id);
    }

    @POST
    @Path("attempts/{id}/start")
    public AttemptView start(@PathParam("id") String id) {
        return candidate.start(id);
    }

    @PUT
    @Path("attempts/{id}/answers/{questionId}")
    public AttemptView.SaveReceipt save(@PathParam("id") String id, @PathParam("questionId") String questionId,
                                        Requests.SaveAnswer body) {
        ExamResource.require(body != null && body.sequence() != null, "response, saveId and sequence are required");
        return candidate.saveAnswer(id, questionId, body.response(), body.saveId(), body.sequence());
    }

    @POST
    @Path("attempts/{id}/submit")
    public AttemptView submit(@PathParam("id") String id) {
        return candidate.submit(id);
    }

    /** {"type": "TAB_HIDDEN", "detail": ...}: the server's catalogue decides the severity (a client's is ignored). */
    @POST
    @Path("attempts/{id}/browser-events")
    public Response browserEvent(@PathParam("id") String id, Requests.NewIncident body) {
        ExamResource.require(body != null && body.type() != null, "type is required");
        candidate.reportBrowserEvent(id, body.type(), body.detail());
        return Response.accepted().build();
    }

    // ---- proctor ----

    /** The caller's identity-check approval queue (assigned proctor, admin): attempts in IDENTITY_CHECK, oldest first. */
    @GET
    @Path("identity-checks")
    public List<AttemptView> identityChecks() {
        return queries.awaitingIdentityApproval();
    }

    @POST
    @Path("attempts/{id}/identity-verified")
    public AttemptView verifyIdentity(@PathParam("id") String id) {
        return proctor.verifyIdentity(id);
    }

    @POST
    @Path("attempts/{id}/pause")
    public AttemptView pause(@PathParam("id") String id, Requests.Reason body) {
        return proctor.pause(id, body == null ? null : body.reason());
    }

    @POST
    @Path("attempts/{id}/resume")
    public AttemptView resume(@PathParam("id") String id) {
        return proctor.resume(id);
    }

    @POST
    @Path("attempts/{id}/terminate")
    public AttemptView terminate(@PathParam("id") String id, Requests.Reason body) {
        return proctor.terminate(id, body == null ? null : body.reason());
    }

    @POST
    @Path("attempts/{id}/error")
    public AttemptView error(@PathParam("id") String id, Requests.Reason body) {
        return proctor.reportError(id, body == null ? null : body.reason());
    }

    @POST
    @Path("attempts/{id}/time")
    public AttemptView addTime(@PathParam("id") String id, Requests.AddTime body) {
        ExamResource.require(body != null && body.seconds() != null, "seconds and reason are required");
        return proctor.addTime(id, body.seconds(), body.reason());
    }

    @POST
    @Path("attempts/{id}/messages")
    public AttemptView message(@PathParam("id") String id, Requests.Message body) {
        ExamResource.require(body != null, "text is required");
        return proctor.message(id, ExamResource.or(body.warning(), false), body.text());
    }

    @POST
    @Path("attempts/{id}/incidents")
    public Response flag(@PathParam("id") String id, Requests.NewIncident body) {
        ExamResource.require(body != null && body.type() != null, "type and severity are required");
        String incidentId = proctor.flagIncident(id, body.type(), severity(body.severity()),
                body.evidence() == null ? List.of() : body.evidence(), body.detail());
        return Response.status(Response.Status.CREATED)
                .entity(new Created(incidentId)).build();
    }

    /** Every applied autosave of the attempt's answers, oldest first; ?question= for one question's history. */
    @GET
    @Path("attempts/{id}/answer-revisions")
    public List<AttemptView.AnswerRevisionView> answerRevisions(@PathParam("id") String id, @QueryParam("question") String questionId) {
        return queries.answerRevisions(id, questionId);
    }

    @GET
    @Path("attempts/{id}/timeline")
    public List<AttemptView.TimelineView> timeline(@PathParam("id") String id) {
        return queries.timeline(id);
    }

    // ---- review and grading ----

    /** {"decision": "CLEARED"} or {"decision": "SUSPICIOUS", "reason": ...} or {"decision": "FINAL"}. */
    @POST
    @Path("attempts/{id}/review")
    public AttemptView review(@PathParam("id") String id, Requests.Review body) {
        ExamResource.require(body != null && body.decision() != null, "decision is required");
        return switch (body.decision().trim().toUpperCase(Locale.ROOT)) {
            case "CLEARED" -> review.clear(id);
            case "SUSPICIOUS" -> review.markSuspicious(id, body.reason());
            case "FINAL" -> review.finalizeReview(id);
            default -> throw new InvalidInputException("decision is CLEARED, SUSPICIOUS or FINAL");
        };
    }

    @POST
    @Path("attempts/{id}/incidents/{incidentId}/dismiss")
    public AttemptView dismiss(@PathParam("id") String id, @PathParam("incidentId") String incidentId, Requests.Reason body) {
        return review.dismissIncident(id, incidentId, body == null ? null : body.reason());
    }

    @POST
    @Path("attempts/{id}/incidents/{incidentId}/confirm")
    public AttemptView confirm(@PathParam("id") String id, @PathParam("incidentId") String incidentId) {
        return review.confirmIncident(id, incidentId);
    }

    @PUT
    @Path("attempts/{id}/answers/{questionId}/grade")
    public AttemptView grade(@PathParam("id") String id, @PathParam("questionId") String questionId, Requests.Grade body) {
        ExamResource.require(body != null && body.points() != null, "points are required");
        return grading.grade(id, questionId, body.points(), body.comment());
    }

    static Severity severity(String name) {
        try {
            return Severity.valueOf(name == null ? "LOW" : name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("severity is LOW, MEDIUM, HIGH or CRITICAL");
        }
    }
}
