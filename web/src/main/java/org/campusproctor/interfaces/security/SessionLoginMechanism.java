package org.campusproctor.interfaces.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.Serializable;
import java.util.Set;

/**
 * The login of the whole application: a custom form (login.xhtml, or POST /api/session, both through
 * {@link Authentication}) checked by the identity store ({@link AccountIdentityStore}). A page under a security
 * constraint asked for without a login sends the browser to the login page; after the login each role lands on its
 * home (not on the page asked for, which may be a page of the previous user that the browser reloaded after a
 * sign-out).
 * <p>
 * The caller and its groups are kept in the HTTP session and handed to the container again on every request of the
 * session, with the groups. The standard custom-form mechanism ({@code @AutoApplySession}) hands over the principal
 * alone and leaves the server to find the groups again: Payara loses them now and then under concurrent requests (a
 * logged-in caller without any role, refused with 401 or 403).
 */
@ApplicationScoped
public class SessionLoginMechanism implements HttpAuthenticationMechanism {

    private static final String CALLER = SessionLoginMechanism.class.getName() + ".caller";
    private static final String LOGIN_PAGE = "/login.xhtml";

    /** Who is logged in on a session, with the groups (roles) the identity store gave at the login. */
    record SessionCaller(String name, Set<String> groups) implements Serializable {
    }

    @Inject
    private IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return login(request, context, credential);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(CALLER) instanceof SessionCaller caller) {
            return context.notifyContainerAboutLogin(caller.name(), caller.groups());
        }
        if (context.isProtected()) {
            return context.redirect(request.getContextPath() + LOGIN_PAGE);
        }
        return context.doNothing();
    }

    private AuthenticationStatus login(HttpServletRequest request, HttpMessageContext context, Credential credential) {
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return context.notifyContainerAboutLogin(result); // SEND_FAILURE: the caller answers (the page, or 401)
        }
        SessionCaller caller = new SessionCaller(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups()));
        request.getSession().setAttribute(CALLER, caller);
        return context.notifyContainerAboutLogin(caller.name(), caller.groups());
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(CALLER);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }
}
