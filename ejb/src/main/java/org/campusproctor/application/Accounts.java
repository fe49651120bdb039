package org.campusproctor.application;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.campusproctor.domain.Ids;
import org.campusproctor.domain.NotFoundException;
import org.campusproctor.domain.identity.Role;
import org.campusproctor.domain.identity.UserAccount;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Looks accounts up by username and creates them with a hashed password (shared plumbing, not a service). */
@Dependent
public class Accounts {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PasswordPolicy passwords;

    public Optional<UserAccount> find(String username) {
        return em.createNamedQuery(UserAccount.BY_USERNAME, UserAccount.class).setParameter("username", username)
                .getResultStream().findFirst();
    }

    /** Whether the account exists and is enabled (one column read, no entity loaded). */
    public boolean enabled(String username) {
        return em.createNamedQuery(UserAccount.ENABLED, Boolean.class).setParameter("username", username)
                .getResultStream().findFirst().orElse(false);
    }

    /** The account of that username; 404 when there is none. */
    public UserAccount existing(String username) {
        return find(username).orElseThrow(() -> new NotFoundException("Account", username));
    }

    /** A new account without a password (an imported candidate): nobody can log in to it until one is set. */
    public UserAccount createWithoutPassword(String username, String displayName, Set<Role> roles) {
        UserAccount account = new UserAccount(Ids.newId(), username, UserAccount.NO_PASSWORD, displayName, roles, Instant.now());
        em.persist(account);
        return account;
    }

    /** A new account; the password is checked against the policy and stored only as its hash. */
    public UserAccount create(String username, String password, String displayName, Set<Role> roles) {
        UserAccount account = new UserAccount(Ids.newId(), username, passwords.hash(password), displayName, roles, Instant.now());
        em.persist(account);
        return account;
    }
}
