package org.campusproctor.application;

import org.campusproctor.contract.settings.Settings;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.campusproctor.domain.identity.Role;

import java.util.EnumSet;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Demo accounts for the quick start and the integration tests, created only when the system property
 * {@code campusproctor.demo-data=true} is set (server-config's install.sh {@code --set campusproctor.demo-data=true});
 * production servers leave it false and have no default password anywhere. Each demo password is
 * {@code demo-<username>}, e.g. admin / demo-admin.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class DemoAccounts {

    private static final Logger LOG = Logger.getLogger(DemoAccounts.class.getName());
    private static final Map<String, EnumSet<Role>> ACCOUNTS = Map.of(
            "admin", EnumSet.of(Role.ADMIN),
            "registrar", EnumSet.of(Role.REGISTRAR),
            "proctor", EnumSet.of(Role.PROCTOR),
            "proctor2", EnumSet.of(Role.PROCTOR),
            "candidate", EnumSet.of(Role.CANDIDATE),
            "candidate2", EnumSet.of(Role.CANDIDATE));

    @Inject
    private Accounts accounts;

    @Inject
    private AuditLog audit;

    @PostConstruct
    void seed() {
        if (!Settings.DEMO_DATA.value()) {
            return;
        }
        ACCOUNTS.forEach((username, roles) -> {
            if (accounts.find(username).isEmpty()) {
                accounts.create(username, "demo-" + username, "Demo " + username, roles);
                audit.recordAs("system", "DEMO_ACCOUNT_CREATED", "account", username, "roles=" + roles);
            }
        });
        LOG.warning(() -> Settings.DEMO_DATA.name() + "=true: demo accounts (password demo-<username>) are active. Never set this in production.");
    }
}
