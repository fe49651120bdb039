package org.campusproctor.interfaces.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.campusproctor.application.FrameThrottledException;

/**
 * 429 Too Many Requests with Retry-After (whole seconds) and what the capture client needs to slow down: the wait in
 * milliseconds and the shortest interval between frames the server takes on average.
 */
@Provider
public class FrameThrottledMapper implements ExceptionMapper<FrameThrottledException> {

    /** The API's error shape, with the numbers a client paces its uploads by. */
    public record FrameThrottled(String error, String message, long retryAfterMillis, long minIntervalMillis) {
    }

    @Override
    public Response toResponse(FrameThrottledException e) {
        long millis = Math.max(1, e.retryAfter().toMillis());
        return Response.status(Response.Status.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString((millis + 999) / 1000))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new FrameThrottled(e.reason().name(), e.getMessage(), millis, e.minInterval().toMillis()))
                .build();
    }
}
