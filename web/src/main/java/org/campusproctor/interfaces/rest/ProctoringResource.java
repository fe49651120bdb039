package org.campusproctor.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.campusproctor.application.ProctorDesk;

import java.util.List;

/**
 * What the proctor screens read, for the caller's attempts (a proctor: those assigned to them; an admin: all): the
 * exams, an exam's candidates riskiest first, the review queue, the detector figures. Pages hold at most
 * {@value ProctorDesk#MAX_PAGE} rows.
 */
@Path("proctoring")
@Produces(MediaType.APPLICATION_JSON)
public class ProctoringResource {

    @Inject
    private ProctorDesk desk;

    @GET
    @Path("exams")
    public List<ProctorDesk.ExamSummary> exams() {
        return desk.exams();
    }

    @GET
    @Path("exams/{examId}/tiles")
    public ProctorDesk.Page<ProctorDesk.Tile> tiles(@PathParam("examId") String examId, @QueryParam("filter") String filter,
                                                    @QueryParam("offset") @DefaultValue("0") int offset,
                                                    @QueryParam("limit") @DefaultValue("50") int limit) {
        return desk.tiles(examId, filter, offset, limit);
    }

    @GET
    @Path("exams/{examId}/figures")
    public List<Figure> figures(@PathParam("examId") String examId) {
        return desk.figures(examId).stream().map(f -> new Figure(f.type(), f.source(), f.incidents(), f.dismissed(),
                f.confirmed(), f.falsePositiveShare())).toList();
    }

    @GET
    @Path("review-queue")
    public ProctorDesk.Page<ProctorDesk.ReviewItem> reviewQueue(@QueryParam("exam") String examId,
                                                               @QueryParam("offset") @DefaultValue("0") int offset,
                                                               @QueryParam("limit") @DefaultValue("50") int limit) {
        return desk.reviewQueue(examId, offset, limit);
    }

    /** A detector figure with its false-positive share, as the API shows it. */
    public record Figure(String type, String source, long incidents, long dismissed, long confirmed,
                         double falsePositiveShare) {
    }
}
