package org.campusproctor.interfaces.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.campusproctor.application.FrameRejectedException;

import java.util.logging.Logger;

/** A refused image: 413 for too many bytes, 400 for everything else, with the reason as the error code. */
@Provider
public class FrameRejectedMapper implements ExceptionMapper<FrameRejectedException> {

    private static final Logger LOG = Logger.getLogger(FrameRejectedMapper.class.getName());

    @Override
    public Response toResponse(FrameRejectedException e) {
        LOG.info(() -> "Image refused (" + e.reason() + "): " + e.getMessage());
        Response.Status status = e.reason() == FrameRejectedException.Reason.TOO_LARGE
                ? Response.Status.REQUEST_ENTITY_TOO_LARGE : Response.Status.BAD_REQUEST;
        return ApiError.of(status, e.reason().name(), e.getMessage());
    }
}
