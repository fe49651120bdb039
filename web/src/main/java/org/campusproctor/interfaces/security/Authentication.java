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
import org.campusproctor.application.LoginThrottle;

/**
 * Programmatic login through the configured mechanism and identity store, shared by the login page and /api/session:
 * throttled per username and client address ({@link LoginThrottle}), audited, and on a new session id.
 */
@ApplicationScoped
public class Authentication {

    /** How a login ended; {@code retryAfterSeconds} is set when it was refused by the throttle. */
    public record Outcome(AuthenticationStatus status, long retryAfterSeconds) {

        public boolean throttled() {
            return retryAfterSeconds > 0;
        }

        public boolean succeeded() {
            return status == AuthenticationStatus.SUCCESS;
        }
    }

    @Inject
    private SecurityContext security;

    @Inject
    private AuditLog audit;

    @Inject
    private LoginThrottle throttle;

    public Outcome login(HttpServletRequest request, HttpServletResponse response, String username, String password) {
        String who = username == null ? "" : username.length() > 100 ? username.substring(0, 100) : username;
        String address = request.getRemoteAddr();
        LoginThrottle.Admission admission = throttle.admit(who, address);
        if (!admission.allowed()) {
            if (admission.audit()) {
                audit.recordSeparately(who, "LOGIN_THROTTLED", "account", who,
                        "refused for " + admission.retryAfterSeconds() + " s after repeated failures");
            }
            return new Outcome(AuthenticationStatus.SEND_FAILURE, admission.retryAfterSeconds());
        }
        // Session fixation: a session id known before the login (planted, or seen on the login page) never carries it.
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        Outcome outcome = new Outcome(AuthenticationStatus.SEND_FAILURE, 0);
        try {
            outcome = new Outcome(security.authenticate(request, response, AuthenticationParameters.withParams()
                    .credential(new UsernamePasswordCredential(username == null ? "" : username, new Password(password == null ? "" : password)))
                    .newAuthentication(true)), 0);
        } finally {
            if (outcome.succeeded()) {
                throttle.succeeded(who, address);
            } else {
                throttle.failed(who, address);
            }
        }
        audit.recordSeparately(who, outcome.succeeded() ? "LOGIN" : "LOGIN_FAILED", "account", who, null);
        return outcome;
    }

    public void logout(HttpServletRequest request) throws jakarta.servlet.ServletException {
        String who = request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();
        request.logout();
        if (request.getSession(false) != null) {
            request.getSession(false).invalidate(); // ends the feed sockets opened in it (SocketSessions)
        }
        audit.recordSeparately(who, "LOGOUT", "account", who, null);
    }
}
