package org.campusproctor.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.campusproctor.application.ScreenRecording;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Screen recording chunks: {@code POST /api/attempts/{id}/screen-chunks/{sequence}} with the WebM bytes and their
 * SHA-256 (hex) in {@code X-Chunk-SHA256} (the candidate of that attempt); {@code GET} lists them in order (staff),
 * {@code GET .../{sequence}} serves one chunk's WebM bytes to the staff who may read the attempt (the proctor page's
 * player).
 */
@Path("attempts/{attemptId}/screen-chunks")
@Produces(MediaType.APPLICATION_JSON)
public class ScreenChunkResource {

    /** Chunks never change once stored: a browser keeps them (only for this user) and revalidates by ETag. */
    private static final String CACHE = "private, max-age=3600";

    @Inject
    private ScreenRecording recording;

    @POST
    @Path("{sequence}")
    @Consumes({"video/webm", MediaType.APPLICATION_OCTET_STREAM})
    public Response upload(@PathParam("attemptId") String attemptId, @PathParam("sequence") long sequence,
                           @HeaderParam("X-Chunk-SHA256") String sha256, InputStream body) throws IOException {
        ExamResource.require(sha256 != null && !sha256.isBlank(), "X-Chunk-SHA256 is required");
        // one byte past the limit at most: an oversized chunk is refused without buffering all of it
        byte[] bytes = body.readNBytes(ScreenRecording.MAX_CHUNK_BYTES + 1);
        return Response.accepted(recording.accept(attemptId, sequence, sha256, bytes)).build();
    }

    @GET
    public List<ScreenRecording.ScreenChunkView> chunks(@PathParam("attemptId") String attemptId) {
        return recording.chunks(attemptId);
    }

    /** One chunk, as the frames are served ({@link FrameResource#image}): 304 when the page already has it. */
    @GET
    @Path("{sequence}")
    @Produces({"video/webm", MediaType.APPLICATION_JSON}) // JSON: its refusals
    public Response chunk(@PathParam("attemptId") String attemptId, @PathParam("sequence") long sequence,
                          @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        String etag = recording.etag(attemptId, sequence);
        if (ifNoneMatch != null && ifNoneMatch.contains('"' + etag + '"')) {
            return Response.notModified(new EntityTag(etag)).header(HttpHeaders.CACHE_CONTROL, CACHE).build();
        }
        ScreenRecording.ChunkBytes chunk = recording.chunk(attemptId, sequence);
        return Response.ok(chunk.bytes(), "video/webm").tag(new EntityTag(chunk.etag()))
                .header(HttpHeaders.CACHE_CONTROL, CACHE).build();
    }
}
