package org.campusproctor.interfaces.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.campusproctor.application.AuditLog;

/** Programmatic login through the configured mechanism and identity store, shared by the login page and /api/session. */
@ApplicationScoped
public class Authentication {

    @Inject
    private SecurityContext security;

    @Inject
    private AuditLog audit;

    public AuthenticationStatus login(HttpServletRequest request, HttpServletResponse response, String username, String password) {
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(username == null ? "" : username, new Password(password == null ? "" : password)))
                .newAuthentication(true));
        boolean ok = status == AuthenticationStatus.SUCCESS;
        String who = username == null ? "" : username.length() > 100 ? username.substring(0, 100) : username;
        audit.recordSeparately(who, ok ? "LOGIN" : "LOGIN_FAILED", "account", who, null);
        return status;
    }

    public void logout(HttpServletRequest request) throws jakarta.servlet.ServletException {
        String who = request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();
        request.logout();
        if (request.getSession(false) != null) {
            request.getSession(false).invalidate();
        }
        audit.recordSeparately(who, "LOGOUT", "account", who, null);
    }
}
