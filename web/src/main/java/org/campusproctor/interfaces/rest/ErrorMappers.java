package org.campusproctor.interfaces.rest;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.security.enterprise.SecurityContext;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.campusproctor.application.AuditLog;
import org.campusproctor.domain.AccessRefusedException;
import org.campusproctor.domain.DomainException;
import org.campusproctor.domain.InvalidInputException;
import org.campusproctor.domain.NotFoundException;

import java.util.stream.Collectors;

/** Domain and container exceptions as HTTP statuses, in the API's one error shape. */
public final class ErrorMappers {

    private ErrorMappers() {
    }

    static Response domain(DomainException e) {
        Response.Status status = e instanceof NotFoundException ? Response.Status.NOT_FOUND
                : e instanceof InvalidInputException ? Response.Status.BAD_REQUEST
                : e instanceof AccessRefusedException ? Response.Status.FORBIDDEN
                : Response.Status.CONFLICT; // a rule of the current state (illegal transition, deadline passed...)
        return ApiError.of(status, e.code(), e.getMessage());
    }

    @Provider
    public static class DomainMapper implements ExceptionMapper<DomainException> {
        @Override
        public Response toResponse(DomainException e) {
            return domain(e);
        }
    }

    /** @RolesAllowed refused: 401 when nobody is logged in, 403 when the caller lacks the role. */
    @Provider
    public static class AccessMapper implements ExceptionMapper<EJBAccessException> {
        @Inject
        private SecurityContext security;

        @Inject
        private AuditLog audit;

        @jakarta.ws.rs.core.Context
        private jakarta.servlet.http.HttpServletRequest request;

        @Override
        public Response toResponse(EJBAccessException e) {
            // WildFly gives unauthenticated callers an "anonymous" principal: being logged in means having a role here
            if (!SessionResource.loggedIn(request, security)) {
                return ApiError.of(Response.Status.UNAUTHORIZED, "UNAUTHENTICATED", "Log in first (POST /api/session)");
            }
            audit.recordSeparately(null, "ACCESS_REFUSED", "service", null, e.getMessage());
            return ApiError.of(Response.Status.FORBIDDEN, "FORBIDDEN", "Your role does not allow this");
        }
    }

    /** System exceptions arrive wrapped by the EJB container: map what is inside. */
    @Provider
    public static class EjbMapper implements ExceptionMapper<EJBException> {
        @Override
        public Response toResponse(EJBException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ConstraintViolationException v) {
                    return invalid(v);
                }
                if (t instanceof DomainException d) {
                    return domain(d);
                }
                if (t instanceof OptimisticLockException || t instanceof PessimisticLockException) {
                    return ApiError.of(Response.Status.CONFLICT, "CONCURRENT_UPDATE", "Changed concurrently; retry");
                }
                if (t instanceof IllegalArgumentException i) {
                    return ApiError.of(Response.Status.BAD_REQUEST, "INVALID_INPUT", String.valueOf(i.getMessage()));
                }
            }
            java.util.logging.Logger.getLogger(ErrorMappers.class.getName()).log(java.util.logging.Level.WARNING, "API failure", e);
            return ApiError.of(Response.Status.INTERNAL_SERVER_ERROR, "SERVER_ERROR", "Unexpected server error");
        }
    }

    @Provider
    public static class ValidationMapper implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            return invalid(e);
        }
    }

    @Provider
    public static class JsonMapper implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return ApiError.of(Response.Status.BAD_REQUEST, "INVALID_JSON", String.valueOf(e.getMessage()));
        }
    }

    static Response invalid(ConstraintViolationException e) {
        String message = e.getConstraintViolations().stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; "));
        return ApiError.of(Response.Status.BAD_REQUEST, "INVALID_INPUT", message);
    }
}
