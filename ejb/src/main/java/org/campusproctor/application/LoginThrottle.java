package org.campusproctor.application;

import jakarta.enterprise.context.ApplicationScoped;
import org.campusproctor.contract.settings.Settings;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows password guessing down, per username and per client address (all usernames together): once
 * {@code campusproctor.login.max-failures} (per address: {@code max-failures-per-address}) logins failed without a
 * pause of {@code failure-window-seconds}, further logins are refused for 30 s, and each further failure doubles the
 * wait, up to the window. A refused login is not even checked, so it costs no password hashing. Unknown usernames
 * are counted like known ones (the refusal tells nothing about which exist). A success forgets the username's
 * failures, not the address's (else one valid account would reset an address that sprays guesses at others).
 *
 * <p>Logins in flight count against the limit, so parallel guesses cannot overtake it; after a refusal period only one
 * login at a time is let through. State is per node and in memory, bounded to the most recently active
 * {@link #MAX_TRACKED} usernames and addresses each; several nodes multiply the allowance by their number.
 */
@ApplicationScoped
public class LoginThrottle {

    static final long FIRST_REFUSAL_MILLIS = 30_000;
    static final int MAX_TRACKED = 100_000;

    /** Let through, or refused for that many seconds; {@code audit} only for the first refusal of a refusal period. */
    public record Admission(boolean allowed, long retryAfterSeconds, boolean audit) {
        static final Admission ALLOWED = new Admission(true, 0, false);
    }

    private static final class Failures {
        int failures;
        int inFlight;
        long lastFailure;
        long refusedUntil;
        boolean refusalAudited;

        long waitMillis(long now, int max) {
            if (refusedUntil > now) {
                return refusedUntil - now;
            }
            int mayRun = failures >= max ? 1 : max - failures;
            return inFlight >= mayRun ? 1_000 : 0;
        }

        void failed(long now, int max, long window) {
            inFlight = Math.max(0, inFlight - 1);
            failures++;
            lastFailure = now;
            refusalAudited = false;
            if (failures >= max) {
                refusedUntil = now + Math.min(window, FIRST_REFUSAL_MILLIS << Math.min(failures - max, 20));
            }
        }

        boolean forgotten(long now, long window) {
            return inFlight == 0 && refusedUntil <= now && now - lastFailure > window;
        }
    }

    private final Clock clock;
    private final int maxPerUsername;
    private final int maxPerAddress;
    private final long windowMillis;
    private final Map<String, Failures> byUsername = tracked();
    private final Map<String, Failures> byAddress = tracked();

    public LoginThrottle() {
        this(Clock.systemUTC(), Settings.LOGIN_MAX_FAILURES.value(), Settings.LOGIN_MAX_FAILURES_PER_ADDRESS.value(),
                Settings.LOGIN_FAILURE_WINDOW_SECONDS.value() * 1000L);
    }

    LoginThrottle(Clock clock, int maxPerUsername, int maxPerAddress, long windowMillis) {
        this.clock = clock;
        this.maxPerUsername = maxPerUsername;
        this.maxPerAddress = maxPerAddress;
        this.windowMillis = windowMillis;
    }

    /** Before checking a password: let it through (then report {@link #failed} or {@link #succeeded}) or refuse it. */
    public synchronized Admission admit(String username, String address) {
        long now = clock.millis();
        Failures user = current(byUsername, username, now);
        Failures from = current(byAddress, address, now);
        long userWait = user.waitMillis(now, maxPerUsername);
        long fromWait = from.waitMillis(now, maxPerAddress);
        if (userWait > 0 || fromWait > 0) {
            boolean audit = userWait > 0 && !user.refusalAudited || fromWait > 0 && !from.refusalAudited;
            user.refusalAudited |= userWait > 0;
            from.refusalAudited |= fromWait > 0;
            return new Admission(false, (Math.max(userWait, fromWait) + 999) / 1000, audit);
        }
        user.inFlight++;
        from.inFlight++;
        return Admission.ALLOWED;
    }

    public synchronized void failed(String username, String address) {
        long now = clock.millis();
        current(byUsername, username, now).failed(now, maxPerUsername, windowMillis);
        current(byAddress, address, now).failed(now, maxPerAddress, windowMillis);
    }

    public synchronized void succeeded(String username, String address) {
        byUsername.remove(username);
        Failures from = byAddress.get(address);
        if (from != null) {
            from.inFlight = Math.max(0, from.inFlight - 1);
        }
    }

    private Failures current(Map<String, Failures> map, String key, long now) {
        Failures f = map.get(key);
        if (f == null || f.forgotten(now, windowMillis)) {
            f = new Failures();
            map.put(key, f);
        }
        return f;
    }

    /** Most recently used first out last: past the bound, the longest-unused entry is dropped. */
    private static Map<String, Failures> tracked() {
        return new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > MAX_TRACKED;
            }
        };
    }
}
