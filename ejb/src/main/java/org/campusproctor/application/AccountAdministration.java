package org.campusproctor.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.campusproctor.domain.Ids;
import org.campusproctor.domain.NotFoundException;
import org.campusproctor.domain.RuleViolationException;
import org.campusproctor.domain.identity.Role;
import org.campusproctor.domain.identity.UserAccount;

import java.time.Instant;
import java.util.Set;

/** Administrators create and disable accounts. */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class AccountAdministration {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PasswordPolicy passwords;

    @Inject
    private AuditLog audit;

    public UserAccount create(@NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{3,100}") String username,
                              @NotNull @Size(min = PasswordPolicy.MIN_LENGTH, max = 200) String password,
                              @NotBlank @Size(max = 200) String displayName, @NotEmpty Set<Role> roles) {
        if (!em.createNamedQuery(UserAccount.BY_USERNAME, UserAccount.class).setParameter("username", username)
                .getResultList().isEmpty()) {
            throw new RuleViolationException("USERNAME_TAKEN", "Username " + username + " is taken");
        }
        UserAccount account = new UserAccount(Ids.newId(), username, passwords.hash(password), displayName, roles, Instant.now());
        em.persist(account);
        audit.record("ACCOUNT_CREATED", "account", username, "roles=" + roles);
        return account;
    }

    public void disable(@NotBlank String username) {
        UserAccount account = em.createNamedQuery(UserAccount.BY_USERNAME, UserAccount.class)
                .setParameter("username", username).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Account", username));
        account.disable();
        audit.record("ACCOUNT_DISABLED", "account", username, null);
    }
}
