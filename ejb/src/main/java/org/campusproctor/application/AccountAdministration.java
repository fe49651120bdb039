package org.campusproctor.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.campusproctor.domain.RuleViolationException;
import org.campusproctor.domain.identity.AccountDisabled;
import org.campusproctor.domain.identity.Role;
import org.campusproctor.domain.identity.UserAccount;

import java.util.Set;

/** Administrators create and disable accounts; a disabled account's sessions and sockets end (see ActiveAccounts). */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class AccountAdministration {

    @Inject
    private Accounts accounts;

    @Inject
    private AuditLog audit;

    @Inject
    private Event<AccountDisabled> disabled;

    public UserAccount create(@NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{3,100}") String username,
                              @NotNull @Size(min = PasswordPolicy.MIN_LENGTH, max = 200) String password,
                              @NotBlank @Size(max = 200) String displayName, @NotEmpty Set<Role> roles) {
        if (accounts.find(username).isPresent()) {
            throw new RuleViolationException("USERNAME_TAKEN", "Username " + username + " is taken");
        }
        UserAccount account = accounts.create(username, password, displayName, roles);
        audit.record("ACCOUNT_CREATED", "account", username, "roles=" + roles);
        return account;
    }

    public void disable(@NotBlank String username) {
        accounts.existing(username).disable();
        audit.record("ACCOUNT_DISABLED", "account", username, null);
        disabled.fire(new AccountDisabled(username));
    }
}
