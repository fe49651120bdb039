package org.campusproctor.interfaces.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.campusproctor.application.FrameIntake;

import java.io.IOException;
import java.io.InputStream;

/**
 * The candidate's system check times one webcam-sized upload here before the exam: the body is read and discarded
 * (nothing stored), at most the frame size limit, for signed-in users only.
 */
@Path("system/upload-test")
public class UploadTestResource {

    public record UploadMeasured(long bytes) {
    }

    @Context
    private HttpServletRequest request;

    @POST
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, "image/jpeg"})
    @Produces(MediaType.APPLICATION_JSON)
    public Response measure(InputStream body) throws IOException {
        if (request.getUserPrincipal() == null) {
            return ErrorMappers.refused(request, Response.Status.UNAUTHORIZED, "NOT_AUTHENTICATED", "Sign in first");
        }
        int limit = FrameIntake.maxFrameBytes();
        byte[] bytes = body.readNBytes(limit + 1);
        if (bytes.length > limit) {
            return ErrorMappers.refused(request, Response.Status.REQUEST_ENTITY_TOO_LARGE, "TOO_LARGE",
                    "The upload test takes at most " + limit + " bytes");
        }
        return Response.ok(new UploadMeasured(bytes.length)).build();
    }
}
