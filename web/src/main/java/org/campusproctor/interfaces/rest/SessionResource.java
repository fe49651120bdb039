package org.campusproctor.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.campusproctor.domain.identity.Role;
import org.campusproctor.interfaces.security.Authentication;

/** Log in and out for API clients: the session cookie then carries the identity, as after the login page. */
@Path("session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    /** Who is logged in, with their CampusProctor roles. */
    public record Caller(String username, java.util.List<String> roles) {
    }

    @Inject
    private Authentication authentication;

    @Inject
    private SecurityContext security;

    @Context
    private HttpServletRequest request;

    @Context
    private HttpServletResponse response;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(Requests.Login login) {
        if (login == null) {
            return ApiError.of(Response.Status.BAD_REQUEST, "INVALID_INPUT", "username and password are required");
        }
        Authentication.Outcome outcome = authentication.login(request, response, login.username(), login.password());
        if (outcome.throttled()) {
            return Response.fromResponse(ApiError.of(Response.Status.TOO_MANY_REQUESTS, "LOGIN_THROTTLED",
                    "Too many failed logins; retry in " + outcome.retryAfterSeconds() + " s"))
                    .header("Retry-After", outcome.retryAfterSeconds()).build();
        }
        if (!outcome.succeeded()) {
            return ApiError.of(Response.Status.UNAUTHORIZED, "LOGIN_FAILED", "Unknown user or wrong password");
        }
        return Response.ok(me()).build();
    }

    /** Logged in = a principal with at least one CampusProctor role (the container's "anonymous" has none). */
    static boolean loggedIn(HttpServletRequest request, SecurityContext security) {
        if (request.getUserPrincipal() == null) {
            return false;
        }
        for (Role role : Role.values()) {
            if (security.isCallerInRole(role.roleName())) {
                return true;
            }
        }
        return false;
    }

    @GET
    public Response whoAmI() {
        if (!loggedIn(request, security)) {
            return ApiError.of(Response.Status.UNAUTHORIZED, "UNAUTHENTICATED", "Not logged in");
        }
        return Response.ok(me()).build();
    }

    @DELETE
    public Response logout() throws ServletException {
        authentication.logout(request);
        return Response.noContent().build();
    }

    private Caller me() {
        java.util.List<String> roles = new java.util.ArrayList<>();
        for (Role role : Role.values()) {
            if (security.isCallerInRole(role.roleName())) {
                roles.add(role.roleName());
            }
        }
        String name = request.getUserPrincipal() != null ? request.getUserPrincipal().getName()
                : security.getCallerPrincipal() != null ? security.getCallerPrincipal().getName() : "";
        return new Caller(name, roles);
    }
}
