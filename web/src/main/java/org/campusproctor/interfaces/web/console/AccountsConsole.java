package org.campusproctor.interfaces.web.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.campusproctor.application.AccountAdministration;
import org.campusproctor.application.Page;
import org.campusproctor.domain.identity.Role;
import org.campusproctor.domain.identity.UserAccount;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.stream.Collectors;

/** The administrator's accounts: search, create, disable, reset a password. */
@Named
@ViewScoped
public class AccountsConsole implements Serializable {

    /** An account as the list shows it. */
    public record AccountRow(String username, String displayName, String roles, boolean enabled, boolean hasPassword)
            implements Serializable {
        static AccountRow of(UserAccount a) {
            return new AccountRow(a.username(), a.displayName(),
                    a.roles().stream().map(Role::roleName).sorted().collect(Collectors.joining(", ")), a.enabled(),
                    a.hasPassword());
        }
    }

    @Inject
    private AccountAdministration accounts;

    private String query;
    private String username;
    private String displayName;
    private String password;
    private String role = Role.CANDIDATE_NAME;
    private String resetUsername;
    private String resetPassword;
    private final PagedList<AccountRow> list = new PagedList<>(this::page, AccountRow::username);

    private Page<AccountRow> page(int page, int size) {
        Page<UserAccount> p = accounts.accounts(query, page, size);
        return new Page<>(p.items().stream().map(AccountRow::of).toList(), p.total(), page, size);
    }

    public void create() {
        try {
            accounts.create(username, password, displayName, EnumSet.of(Role.ofName(role)));
            Messages.info("Account " + username + " created");
            username = null;
            displayName = null;
            password = null;
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    public void disable(String name) {
        try {
            accounts.disable(name);
            Messages.info("Account " + name + " disabled");
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    public void reset() {
        try {
            accounts.resetPassword(resetUsername, resetPassword);
            Messages.info("Password of " + resetUsername + " set");
            resetPassword = null;
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    public PagedList<AccountRow> getList() { return list; }
    public String getQuery() { return query; }
    public void setQuery(String query) { this.query = query; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
    public String getResetUsername() { return resetUsername; }
    public void setResetUsername(String resetUsername) { this.resetUsername = resetUsername; }
    public String getResetPassword() { return resetPassword; }
    public void setResetPassword(String resetPassword) { this.resetPassword = resetPassword; }
}
