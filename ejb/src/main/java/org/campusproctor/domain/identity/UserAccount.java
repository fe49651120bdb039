package org.campusproctor.domain.identity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A person who can log in. The password is only ever stored as a Pbkdf2PasswordHash string, verified at login by
 * {@code SignIn}.
 */
@Entity
@Table(name = "app_user")
@NamedQuery(name = UserAccount.BY_USERNAME, query = "SELECT u FROM UserAccount u WHERE u.username = :username")
@NamedQuery(name = UserAccount.ENABLED, query = "SELECT u.enabled FROM UserAccount u WHERE u.username = :username")
public class UserAccount {

    public static final String BY_USERNAME = "UserAccount.byUsername";
    public static final String ENABLED = "UserAccount.enabled";

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, unique = true, length = 100)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role_name", length = 32)
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Version
    private long version;

    protected UserAccount() {
        // for JPA
    }

    public UserAccount(String id, String username, String passwordHash, String displayName, Set<Role> roles, Instant now) {
        this.id = Objects.requireNonNull(id);
        this.username = Objects.requireNonNull(username);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.displayName = Objects.requireNonNull(displayName);
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.enabled = true;
        this.createdAt = now;
    }

    /**
     * The password hash of an account that has none yet (imported): no password verifies against it, and the login
     * check treats it like an unknown account, at the same cost.
     */
    public static final String NO_PASSWORD = "!none";

    /** A new password (an administrator's reset, or the first one of an imported account). */
    public void changePassword(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash);
    }

    public boolean hasPassword() {
        return !NO_PASSWORD.equals(passwordHash);
    }

    /** Erasure: the person's name goes, the account can no longer log in; the username stays as a key of records. */
    public void anonymise(String placeholderName) {
        this.displayName = Objects.requireNonNull(placeholderName);
        this.passwordHash = NO_PASSWORD;
        this.enabled = false;
    }

    public void disable() {
        enabled = false;
    }

    public String id() { return id; }
    public String username() { return username; }
    public String displayName() { return displayName; }
    public String passwordHash() { return passwordHash; }
    public boolean enabled() { return enabled; }
    public Set<Role> roles() { return Set.copyOf(roles); }
    public boolean hasRole(Role role) { return roles.contains(role); }
}
