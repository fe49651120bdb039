package org.campusproctor.interfaces.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import org.campusproctor.domain.identity.Role;

/**
 * Jakarta Security for the whole application: users and roles come from the CampusProctor database through
 * {@link AccountIdentityStore} (PBKDF2 password hashes); people log in on login.xhtml (or with POST /api/session for
 * API clients), both through {@link Authentication}, by the {@link SessionLoginMechanism}. The identity is kept in the
 * HTTP session and reaches the EJBs' @RolesAllowed (WildFly: integrated-jaspi=false on the undertow
 * application-security-domain, both tiers on ApplicationDomain).
 */
@DeclareRoles({Role.CANDIDATE_NAME, Role.PROCTOR_NAME, Role.REGISTRAR_NAME, Role.ADMIN_NAME})
@ApplicationScoped
public class SecurityConfiguration {
}
