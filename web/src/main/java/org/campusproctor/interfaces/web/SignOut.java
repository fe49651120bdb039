package org.campusproctor.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.campusproctor.interfaces.security.Authentication;

/** The header's sign-out button: the same logout as DELETE /api/session (session and its sockets end). */
@Named
@RequestScoped
public class SignOut {

    @Inject
    private Authentication authentication;

    public String signOut() throws ServletException {
        authentication.logout((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest());
        return "/login.xhtml?faces-redirect=true";
    }
}
