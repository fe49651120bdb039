package org.campusproctor.interfaces.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.campusproctor.application.FrameRejectedException;

@Provider
public class FrameRejectedMapper implements ExceptionMapper<FrameRejectedException> {
    @Override
    public Response toResponse(FrameRejectedException e) {
        Response.Status status = e.reason() == FrameRejectedException.Reason.TOO_LARGE
                ? Response.Status.REQUEST_ENTITY_TOO_LARGE : Response.Status.BAD_REQUEST;
        return ApiError.of(status, e.reason().name(), e.getMessage());
    }
}
