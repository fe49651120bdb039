package org.campusproctor.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.campusproctor.interfaces.security.Authentication;

/** Backs login.xhtml: translates the form into a programmatic Jakarta Security login. */
@Named
@RequestScoped
public class LoginPage {

    @Inject
    private Authentication authentication;

    private String username;
    private String password;

    public String login() {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        Authentication.Outcome outcome = authentication.login((HttpServletRequest) external.getRequest(), response,
                username, password);
        if (outcome.throttled()) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(outcome.retryAfterSeconds()));
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "Too many failed logins; try again in " + outcome.retryAfterSeconds() + " s", null));
            return null;
        }
        if (outcome.succeeded()) {
            return "/index.xhtml?faces-redirect=true"; // each role's home
        }
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Unknown user or wrong password", null));
        return null;
    }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
}
