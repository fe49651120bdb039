package org.campusproctor.interfaces.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.campusproctor.application.PasswordPolicy;
import org.campusproctor.domain.identity.Role;

/**
 * Jakarta Security for the whole application: users and roles come from the CampusProctor database (the platform
 * default datasource), passwords are verified with Pbkdf2PasswordHash, and people log in on login.xhtml (or with
 * POST /api/session for API clients). The identity is kept in the HTTP session and reaches the EJBs' @RolesAllowed
 * (WildFly: integrated-jaspi=false on the undertow application-security-domain, both tiers on ApplicationDomain).
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false))
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "java:comp/DefaultDataSource",
        callerQuery = "SELECT password_hash FROM app_user WHERE username = ? AND enabled = TRUE",
        groupsQuery = "SELECT LOWER(r.role_name) FROM app_user_role r JOIN app_user u ON u.id = r.user_id WHERE u.username = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class,
        hashAlgorithmParameters = {PasswordPolicy.ALGORITHM, PasswordPolicy.ITERATIONS, PasswordPolicy.SALT_SIZE,
                PasswordPolicy.KEY_SIZE})
@DeclareRoles({Role.CANDIDATE_NAME, Role.PROCTOR_NAME, Role.REGISTRAR_NAME, Role.ADMIN_NAME})
@ApplicationScoped
public class SecurityConfiguration {
}
