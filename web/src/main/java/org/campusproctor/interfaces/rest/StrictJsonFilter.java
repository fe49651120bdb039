package org.campusproctor.interfaces.rest;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

/**
 * A JSON request body must be one JSON value and nothing else, of bounded size. The JSON-B binding alone reads the
 * first complete value and ignores what follows ({@code {"a":1}}}{]} would bind as {@code {"a":1}}), so a request
 * that is not valid JSON could still act. Checked here with the strict parser before any resource sees it.
 * <p>
 * No text of a request (path, query, JSON string) may hold a NUL character: PostgreSQL cannot store one in text and
 * refuses the whole statement, which would surface as a server error instead of the client's mistake.
 */
@Provider
@PreMatching
public class StrictJsonFilter implements ContainerRequestFilter {

    /** Largest JSON body: far above any request of the API (an essay answer is at most 10 000 characters). */
    static final int MAX_JSON_BYTES = 1 << 20;

    private static final char NUL = '\u0000';

    @Context
    private HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (request.getUriInfo().getPath(true).indexOf(NUL) >= 0
                || request.getUriInfo().getQueryParameters(true).values().stream()
                        .flatMap(List::stream).anyMatch(value -> value.indexOf(NUL) >= 0)) {
            request.abortWith(nulRefused());
            return;
        }
        MediaType type = request.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || !request.hasEntity()) {
            return;
        }
        byte[] body = request.getEntityStream().readNBytes(MAX_JSON_BYTES + 1);
        if (body.length == 0) { // a content type without a body (a GET, a command): nothing to check
            request.setEntityStream(new ByteArrayInputStream(body));
            return;
        }
        if (body.length > MAX_JSON_BYTES) {
            request.abortWith(ErrorMappers.refused(servletRequest, Response.Status.REQUEST_ENTITY_TOO_LARGE, "BODY_TOO_LARGE",
                    "A JSON body may have at most " + MAX_JSON_BYTES + " bytes"));
            return;
        }
        try (JsonParser parser = Json.createParser(new ByteArrayInputStream(body))) {
            while (parser.hasNext()) { // after the one top-level value, anything but the end is an error
                JsonParser.Event event = parser.next();
                if ((event == JsonParser.Event.VALUE_STRING || event == JsonParser.Event.KEY_NAME)
                        && parser.getString().indexOf(NUL) >= 0) {
                    request.abortWith(nulRefused());
                    return;
                }
            }
        } catch (RuntimeException e) { // JsonParsingException, and the parser's nesting limit (a plain RuntimeException)
            request.abortWith(ErrorMappers.refused(servletRequest, Response.Status.BAD_REQUEST, "INVALID_JSON", "The request body is not valid JSON"));
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    private Response nulRefused() {
        return ErrorMappers.refused(servletRequest, Response.Status.BAD_REQUEST, "INVALID_TEXT", "The request holds a NUL character");
    }
}
