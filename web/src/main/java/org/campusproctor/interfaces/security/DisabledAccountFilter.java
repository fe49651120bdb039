package org.campusproctor.interfaces.security;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.campusproctor.application.ActiveAccounts;
import org.campusproctor.application.AuditLog;
import org.campusproctor.domain.identity.Role;
import org.campusproctor.interfaces.rest.ApiError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Ends the session of a disabled account at its next request: the identity lives in the HTTP session, so without
 * this check a session opened before the account was disabled would go on working. The answer is 401 on the API and a
 * redirect to the login page elsewhere. The account state comes from {@link ActiveAccounts} (cached a few seconds).
 */
@WebFilter(filterName = "DisabledAccountFilter", urlPatterns = "/*")
public class DisabledAccountFilter extends HttpFilter {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    private ActiveAccounts accounts;

    @Inject
    private AuditLog audit;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String username = loggedIn(request);
        if (username == null || accounts.isActive(username)) {
            chain.doFilter(request, response);
            return;
        }
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        audit.recordSeparately(username, "SESSION_ENDED", "account", username, "account disabled");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/json");
            response.getOutputStream().write(JSONB.toJson(new ApiError("ACCOUNT_DISABLED", "This account is disabled"))
                    .getBytes(StandardCharsets.UTF_8));
        } else {
            response.sendRedirect(request.getContextPath() + "/login.xhtml");
        }
    }

    /** The logged-in user, or null (WildFly gives unauthenticated requests an "anonymous" principal without roles). */
    static String loggedIn(HttpServletRequest request) {
        if (request.getUserPrincipal() == null) {
            return null;
        }
        for (Role role : Role.values()) {
            if (request.isUserInRole(role.roleName())) {
                return request.getUserPrincipal().getName();
            }
        }
        return null;
    }
}
