package org.campusproctor.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.campusproctor.application.FrameAnalysisQueries;
import org.campusproctor.application.FrameIntake;
import org.campusproctor.application.FrameRejectedException;
import org.campusproctor.domain.media.FrameAnalysisRecord;
import org.campusproctor.domain.media.StoredMedia;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

/** Webcam frames of an attempt: upload (202, analysed asynchronously) and the resulting analysis. */
@Path("/")
public class FrameResource {

    @Inject
    private FrameIntake intake;

    @Inject
    private FrameAnalysisQueries analyses;

    @POST
    @Path("attempts/{attemptRef}/frames")
    @Consumes({"image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@PathParam("attemptRef") String attemptRef, InputStream body) throws IOException {
        // Read at most one byte past the limit: an oversized upload is refused without buffering all of it.
        byte[] bytes = body.readNBytes(FrameIntake.MAX_FRAME_BYTES + 1);
        if (bytes.length > FrameIntake.MAX_FRAME_BYTES) {
            throw new FrameRejectedException(FrameRejectedException.Reason.TOO_LARGE,
                    "Frame exceeds the limit of " + FrameIntake.MAX_FRAME_BYTES + " bytes");
        }
        StoredMedia frame = intake.accept(attemptRef, bytes, Instant.now());
        return Response.accepted(Json.createObjectBuilder()
                        .add("mediaId", frame.id())
                        .add("sha256", frame.sha256())
                        .add("sizeBytes", frame.sizeBytes())
                        .build().toString())
                .build();
    }

    @GET
    @Path("frames/{mediaId}/analysis")
    @Produces(MediaType.APPLICATION_JSON)
    public Response analysis(@PathParam("mediaId") String mediaId) {
        FrameAnalysisRecord record = analyses.find(mediaId);
        if (record == null) {
            return ApiError.of(Response.Status.NOT_FOUND, "NOT_ANALYSED", "No analysis recorded for frame " + mediaId);
        }
        return Response.ok(Json.createObjectBuilder()
                .add("mediaId", record.mediaId())
                .add("attemptRef", record.attemptRef())
                .add("status", record.status().name())
                .add("workerNode", record.workerNode())
                .add("analysedAt", record.analysedAt().toString())
                .add("detail", Json.createReader(new java.io.StringReader(record.detailJson())).readObject())
                .build().toString()).build();
    }
}
