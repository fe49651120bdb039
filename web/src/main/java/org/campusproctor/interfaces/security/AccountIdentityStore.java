package org.campusproctor.interfaces.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.campusproctor.application.SignIn;
import org.campusproctor.domain.identity.Role;

import java.util.stream.Collectors;

/**
 * The application's identity store: an enabled account with a matching password, and its roles as groups. Instead of
 * the built-in database store, which answers unknown and disabled usernames without hashing anything (their fast
 * answers told which usernames exist): {@link SignIn} does the same PBKDF2 work for every login.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    private SignIn signIn;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return signIn.verify(credential.getCaller(), credential.getPasswordAsString())
                .map(roles -> new CredentialValidationResult(credential.getCaller(),
                        roles.stream().map(Role::roleName).collect(Collectors.toSet())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
