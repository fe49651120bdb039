package org.campusproctor.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import org.campusproctor.domain.identity.Role;

/**
 * The root page's dispatcher: each signed-in person lands on the home of their audience. An account with several
 * roles goes to the most privileged home (admin, then proctor, registrar, candidate).
 */
@Named
@RequestScoped
public class RoleHome {

    public String dispatch() {
        String home = homeOf(FacesContext.getCurrentInstance().getExternalContext());
        return home == null ? null : home + "?faces-redirect=true";
    }

    static String homeOf(ExternalContext external) {
        if (external.isUserInRole(Role.ADMIN_NAME)) {
            return "/admin/index.xhtml";
        }
        if (external.isUserInRole(Role.PROCTOR_NAME)) {
            return "/proctor/index.xhtml";
        }
        if (external.isUserInRole(Role.REGISTRAR_NAME)) {
            return "/registrar/index.xhtml";
        }
        if (external.isUserInRole(Role.CANDIDATE_NAME)) {
            return "/candidate/index.xhtml";
        }
        return null;
    }
}
