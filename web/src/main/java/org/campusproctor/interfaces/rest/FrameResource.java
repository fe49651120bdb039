package org.campusproctor.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.campusproctor.application.EvidenceFrames;
import org.campusproctor.application.FrameAnalysisQueries;
import org.campusproctor.application.FrameIntake;
import org.campusproctor.application.FrameRejectedException;
import org.campusproctor.contract.vision.FrameAnalysisReport;
import org.campusproctor.contract.vision.VisionMessages;
import org.campusproctor.domain.media.FrameAnalysisRecord;
import org.campusproctor.domain.media.StoredMedia;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Locale;

/**
 * Webcam frames of an attempt: upload (202, analysed asynchronously), the resulting analysis, the image for staff.
 * One instance serves every request (it keeps no state): every candidate uploads every few seconds.
 */
@ApplicationScoped
@Path("/")
public class FrameResource {

    /** What the server accepted: the frame's id and the checksum of the bytes it stored. */
    public record FrameAccepted(String mediaId, String sha256, long sizeBytes) {
    }

    /** A recorded analysis: the worker's report as it sent it. */
    public record FrameAnalysisView(String mediaId, String attemptId, String status, String workerNode,
                                    Instant analysedAt, FrameAnalysisReport detail) {
    }

    @Inject
    private FrameIntake intake;

    @Inject
    private FrameAnalysisQueries analyses;

    @Inject
    private EvidenceFrames evidence;

    /** Frames never change once stored: a browser keeps them (only for this user) and revalidates by ETag. */
    private static final String CACHE = "private, max-age=3600";

    @POST
    @Path("attempts/{attemptId}/frames")
    @Consumes({"image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@PathParam("attemptId") String attemptId, InputStream body) throws IOException {
        // Read at most one byte past the limit: an oversized upload is refused without buffering all of it.
        int limit = FrameIntake.maxFrameBytes();
        byte[] bytes = body.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new FrameRejectedException(FrameRejectedException.Reason.TOO_LARGE,
                    "Frame exceeds the limit of " + limit + " bytes");
        }
        StoredMedia frame = intake.accept(attemptId, bytes, Instant.now());
        return Response.accepted(new FrameAccepted(frame.id(), frame.sha256(), frame.sizeBytes())).build();
    }

    /**
     * A frame of an attempt the caller may read, as evidence ({@code size=full}) or for a tile ({@code thumbnail},
     * the default); 304 when the page already has it.
     */
    @GET
    @Path("frames/{mediaId}/image")
    public Response image(@PathParam("mediaId") String mediaId, @QueryParam("size") String size,
                          @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        EvidenceFrames.Size wanted;
        try {
            wanted = size == null ? EvidenceFrames.Size.THUMBNAIL : EvidenceFrames.Size.valueOf(size.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ApiError.of(Response.Status.BAD_REQUEST, "INVALID_INPUT", "size is thumbnail or full");
        }
        String etag = evidence.etag(mediaId, wanted);
        if (ifNoneMatch != null && ifNoneMatch.contains('"' + etag + '"')) {
            return Response.notModified(new EntityTag(etag)).header(HttpHeaders.CACHE_CONTROL, CACHE).build();
        }
        EvidenceFrames.Frame frame = evidence.frame(mediaId, wanted);
        return Response.ok(frame.bytes(), frame.contentType()).tag(new EntityTag(frame.etag()))
                .header(HttpHeaders.CACHE_CONTROL, CACHE).build();
    }

    @GET
    @Path("frames/{mediaId}/analysis")
    @Produces(MediaType.APPLICATION_JSON)
    public Response analysis(@PathParam("mediaId") String mediaId) {
        FrameAnalysisRecord record = analyses.find(mediaId);
        if (record == null) {
            return ApiError.of(Response.Status.NOT_FOUND, "NOT_ANALYSED", "No analysis recorded for frame " + mediaId);
        }
        return Response.ok(new FrameAnalysisView(record.mediaId(), record.attemptId(), record.status().name(),
                record.workerNode(), record.analysedAt(),
                VisionMessages.fromJson(record.detailJson(), FrameAnalysisReport.class))).build();
    }
}
