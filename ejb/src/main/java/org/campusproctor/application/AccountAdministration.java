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

    @Inject
    private PasswordPolicy passwords;

    @jakarta.persistence.PersistenceContext
    private jakarta.persistence.EntityManager em;

    /** Accounts whose username or display name contains the query, by username. */
    public Page<UserAccount> accounts(String query, int page, int size) {
        Page.check(page, size);
        String like = Page.contains(query);
        String where = " FROM UserAccount u WHERE LOWER(u.username) LIKE :q ESCAPE '\\'"
                + " OR LOWER(u.displayName) LIKE :q ESCAPE '\\'";
        long total = em.createQuery("SELECT COUNT(u)" + where, Long.class).setParameter("q", like).getSingleResult();
        java.util.List<UserAccount> items = em.createQuery("SELECT u" + where + " ORDER BY u.username", UserAccount.class)
                .setParameter("q", like).setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Page<>(items, total, page, size);
    }

    /** Sets a new password (a reset, or an imported account's first); the password itself is never logged. */
    public void resetPassword(@NotBlank String username,
                              @NotNull @Size(min = PasswordPolicy.MIN_LENGTH, max = 200) String password) {
        accounts.existing(username).changePassword(passwords.hash(password));
        audit.record("ACCOUNT_PASSWORD_RESET", "account", username, null);
    }

    public void disable(@NotBlank String username) {
        accounts.existing(username).disable();
        audit.record("ACCOUNT_DISABLED", "account", username, null);
        disabled.fire(new AccountDisabled(username));
    }
}
