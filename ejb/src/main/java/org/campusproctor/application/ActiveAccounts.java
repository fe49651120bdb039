package org.campusproctor.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.campusproctor.domain.identity.AccountDisabled;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Whether a logged-in user's account is still enabled, for the web tier's checks on every authenticated request and
 * before every push on a feed socket. Answers are cached for a few seconds (one small query per user and period, not
 * per request); a disable on this node takes effect at once, on other nodes within {@link #CACHE_SECONDS}.
 *
 * <p>Outside any transaction: the proctor feed asks while pushing events after their transaction committed, when the
 * committed transaction is still on the thread and accepts no more work.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll
public class ActiveAccounts {

    static final long CACHE_SECONDS = 5;

    private record Known(boolean active, long checkedAtNanos) {
    }

    // one entry per logged-in username: bounded by the accounts in the database
    private final Map<String, Known> cache = new ConcurrentHashMap<>();

    @Inject
    private Accounts accounts;

    public boolean isActive(String username) {
        long now = System.nanoTime();
        Known known = cache.get(username);
        if (known == null || now - known.checkedAtNanos() > TimeUnit.SECONDS.toNanos(CACHE_SECONDS)) {
            known = new Known(accounts.enabled(username), now);
            cache.put(username, known);
        }
        return known.active();
    }

    public void onDisabled(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountDisabled event) {
        cache.put(event.username(), new Known(false, System.nanoTime()));
    }
}
