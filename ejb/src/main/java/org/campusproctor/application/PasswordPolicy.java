package org.campusproctor.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.campusproctor.domain.InvalidInputException;
import org.campusproctor.domain.identity.UserAccount;

import java.util.HashMap;
import java.util.Map;

/**
 * How passwords are hashed. The same parameters configure the database identity store (web tier), so these are
 * compile-time constants usable in annotations. The iteration count is stored inside every hash, so raising it
 * later keeps old hashes verifiable.
 */
@ApplicationScoped
public class PasswordPolicy {

    public static final String ALGORITHM = "Pbkdf2PasswordHash.Algorithm=PBKDF2WithHmacSHA512";
    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA512. */
    public static final String ITERATIONS = "Pbkdf2PasswordHash.Iterations=210000";
    public static final String SALT_SIZE = "Pbkdf2PasswordHash.SaltSizeBytes=32";
    public static final String KEY_SIZE = "Pbkdf2PasswordHash.KeySizeBytes=64";
    public static final int MIN_LENGTH = 8;

    @Inject
    private Pbkdf2PasswordHash hash;

    private volatile boolean initialised;

    private String stranger;

    public String hash(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new InvalidInputException("Passwords have at least " + MIN_LENGTH + " characters");
        }
        return hasher().generate(password.toCharArray());
    }

    /**
     * Whether the password matches the stored hash. Without a hash (unknown or unusable account) the password is
     * verified against a hash of a random password made with the same parameters: every wrong login costs the same
     * PBKDF2 work, so the response time does not tell which usernames exist.
     */
    public boolean matches(String password, String storedHash) {
        char[] chars = password == null ? new char[0] : password.toCharArray();
        if (storedHash == null || storedHash.equals(UserAccount.NO_PASSWORD)) {
            hasher().verify(chars, strangerHash());
            return false;
        }
        try {
            return hasher().verify(chars, storedHash);
        } catch (RuntimeException e) {
            return false; // a malformed stored hash never logs anyone in
        }
    }

    private synchronized String strangerHash() {
        if (stranger == null) {
            stranger = hasher().generate(java.util.UUID.randomUUID().toString().toCharArray());
        }
        return stranger;
    }

    private synchronized Pbkdf2PasswordHash hasher() {
        if (!initialised) {
            Map<String, String> parameters = new HashMap<>();
            for (String p : new String[]{ALGORITHM, ITERATIONS, SALT_SIZE, KEY_SIZE}) {
                String[] kv = p.split("=", 2);
                parameters.put(kv[0], kv[1]);
            }
            hash.initialize(parameters);
            initialised = true;
        }
        return hash;
    }
}
