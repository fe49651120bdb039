package org.campusproctor.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.campusproctor.domain.identity.Role;
import org.campusproctor.domain.identity.UserAccount;

import java.util.Optional;
import java.util.Set;

/**
 * Checks a username and password for the web tier's identity store: the roles of an enabled account whose password
 * matches, else nothing. Unknown, disabled and wrong cost the same PBKDF2 work ({@link PasswordPolicy#matches}).
 * Called before anyone is logged in, hence {@code @PermitAll}; throttling and the audit line are the web tier's.
 */
@Stateless
@PermitAll
public class SignIn {

    @Inject
    private Accounts accounts;

    @Inject
    private PasswordPolicy passwords;

    public Optional<Set<Role>> verify(String username, String password) {
        Optional<UserAccount> account = username == null || username.isEmpty() || username.length() > 100
                ? Optional.empty() : accounts.find(username);
        boolean matches = passwords.matches(password, account.map(UserAccount::passwordHash).orElse(null));
        return account.filter(a -> matches && a.enabled()).map(UserAccount::roles);
    }
}
