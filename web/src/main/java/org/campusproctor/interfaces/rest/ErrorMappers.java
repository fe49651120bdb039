package org.campusproctor.interfaces.rest;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.security.enterprise.SecurityContext;
import jakarta.validation.ConstraintViolationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.campusproctor.application.AuditLog;
import org.campusproctor.domain.AccessRefusedException;
import org.campusproctor.domain.DomainException;
import org.campusproctor.domain.InvalidInputException;
import org.campusproctor.domain.NotFoundException;

import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Domain and container exceptions as HTTP statuses, in the API's one error shape. Every refused request is logged in
 * one line (logger {@code org.campusproctor.api.refused}): method, path, caller, status and reason — never a stack
 * trace, so a flood of bad requests cannot flood the log. Only unexpected failures (500) log their stack trace.
 */
public final class ErrorMappers {

    private static final Logger REFUSED = Logger.getLogger("org.campusproctor.api.refused");
    private static final Logger FAILED = Logger.getLogger(ErrorMappers.class.getName());

    private ErrorMappers() {
    }

    static Response domain(HttpServletRequest request, DomainException e) {
        return refused(request, status(e), e.code(), e.getMessage());
    }

    /** The status of a domain refusal, for the API and the consoles alike. */
    public static Response.Status status(DomainException e) {
        return e instanceof NotFoundException ? Response.Status.NOT_FOUND
                : e instanceof InvalidInputException ? Response.Status.BAD_REQUEST
                : e instanceof AccessRefusedException ? Response.Status.FORBIDDEN
                : Response.Status.CONFLICT; // a rule of the current state (illegal transition, deadline passed...)
    }

    /** The one-line record of a refused request. */
    static Response refused(HttpServletRequest request, Response.StatusType status, String code, String message) {
        logRefusal(request, status.getStatusCode(), code, message);
        return Response.status(status).type(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(code, message)).build();
    }

    /**
     * Logs one refusal in the one line format of every refused request (the API's and the consoles' actions):
     * status, code, method and path, caller and reason, the texts escaped and bounded.
     */
    public static void logRefusal(HttpServletRequest request, int status, String code, String message) {
        if (REFUSED.isLoggable(Level.INFO)) {
            String who = request == null || request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();
            String where = request == null ? "?" : request.getMethod() + " " + request.getRequestURI();
            REFUSED.info(() -> status + " " + code + " " + Printable.of(where, 300) + " by " + who
                    + ": " + Printable.of(message, 300));
        }
    }

    /** Client errors the JAX-RS runtime raises itself: unknown path (404), method (405), content type (415)... */
    @Provider
    public static class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {
        @Context
        private HttpServletRequest request;

        @Override
        public Response toResponse(WebApplicationException e) {
            Response.StatusType status = e.getResponse().getStatusInfo();
            if (status.getStatusCode() >= 500) {
                FAILED.log(Level.WARNING, "API failure", e);
                return ApiError.of(Response.Status.INTERNAL_SERVER_ERROR, "SERVER_ERROR", "Unexpected server error");
            }
            String code = status.getReasonPhrase().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z]+", "_");
            return refused(request, status, code, String.valueOf(e.getMessage()));
        }
    }

    /** A body that is not JSON at all (the parser's own exceptions, also when wrapped by the runtime). */
    @Provider
    public static class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {
        @Context
        private HttpServletRequest request;

        @Override
        public Response toResponse(ProcessingException e) {
            return refused(request, Response.Status.BAD_REQUEST, "INVALID_JSON", "The request body is not valid JSON");
        }
    }

    @Provider
    public static class JsonParsingMapper implements ExceptionMapper<JsonException> {
        @Context
        private HttpServletRequest request;

        @Override
        public Response toResponse(JsonException e) {
            return refused(request, Response.Status.BAD_REQUEST, "INVALID_JSON", "The request body is not valid JSON");
        }
    }

    /** Anything else is a bug: 500 in the API's shape, with its stack trace in the log. */
    @Provider
    public static class UnexpectedMapper implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException e) {
            FAILED.log(Level.WARNING, "API failure", e);
            return ApiError.of(Response.Status.INTERNAL_SERVER_ERROR, "SERVER_ERROR", "Unexpected server error");
        }
    }

    @Provider
    public static class DomainMapper implements ExceptionMapper<DomainException> {
        @Context
        private HttpServletRequest request;

        @Override
        public Response toResponse(DomainException e) {
            return domain(request, e);
        }
    }

    /** @RolesAllowed refused: 401 when nobody is logged in, 403 when the caller lacks the role. */
    @Provider
    public static class AccessMapper implements ExceptionMapper<EJBAccessException> {
        @Inject
        private SecurityContext security;

        @Inject
        private AuditLog audit;

        @Context
        private HttpServletRequest request;

        @Override
        public Response toResponse(EJBAccessException e) {
            // WildFly gives unauthenticated callers an "anonymous" principal: being logged in means having a role here
            if (!SessionResource.loggedIn(request, security)) {
                return refused(request, Response.Status.UNAUTHORIZED, "UNAUTHENTICATED", "Log in first (POST /api/session)");
            }
            audit.recordSeparately(null, "ACCESS_REFUSED", "service", null, e.getMessage());
            return refused(request, Response.Status.FORBIDDEN, "FORBIDDEN", "Your role does not allow this");
        }
    }

    /** System exceptions arrive wrapped by the EJB container: map what is inside. */
    @Provider
    public static class EjbMapper implements ExceptionMapper<EJBException> {
        @Context
        private HttpServletRequest request;

        @Override
        public Response toResponse(EJBException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ConstraintViolationException v) {
                    return invalid(request, v);
                }
                if (t instanceof DomainException d) {
                    return domain(request, d);
                }
                if (t instanceof OptimisticLockException || t instanceof PessimisticLockException) {
                    return refused(request, Response.Status.CONFLICT, "CONCURRENT_UPDATE", "Changed concurrently; retry");
                }
                if (t instanceof IllegalArgumentException i) {
                    return refused(request, Response.Status.BAD_REQUEST, "INVALID_INPUT", String.valueOf(i.getMessage()));
                }
            }
            FAILED.log(Level.WARNING, "API failure", e);
            return ApiError.of(Response.Status.INTERNAL_SERVER_ERROR, "SERVER_ERROR", "Unexpected server error");
        }
    }

    @Provider
    public static class ValidationMapper implements ExceptionMapper<ConstraintViolationException> {
        @Context
        private HttpServletRequest request;

        @Override
        public Response toResponse(ConstraintViolationException e) {
            return invalid(request, e);
        }
    }

    @Provider
    public static class JsonMapper implements ExceptionMapper<JsonbException> {
        @Context
        private HttpServletRequest request;

        @Override
        public Response toResponse(JsonbException e) {
            return refused(request, Response.Status.BAD_REQUEST, "INVALID_JSON", "The request body does not match: "
                    + Printable.of(String.valueOf(e.getMessage()), 200));
        }
    }

    static Response invalid(HttpServletRequest request, ConstraintViolationException e) {
        String message = e.getConstraintViolations().stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; "));
        return refused(request, Response.Status.BAD_REQUEST, "INVALID_INPUT", message);
    }
}
