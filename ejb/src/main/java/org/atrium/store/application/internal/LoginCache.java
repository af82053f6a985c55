package org.atrium.store.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.atrium.store.application.DirectoryChanged;

/**
 * Remembers successful logins for a few minutes so that clients that reconnect often (POP3 polling, IMAP clients with
 * several connections, the admin API) do not pay the deliberately slow PBKDF2 check every time — the authentication
 * cache mature mail servers keep (Dovecot's auth_cache).
 *
 * <p>What is kept is not the password but HMAC-SHA256(key, password) with a random key that lives only in this
 * process's memory, together with the stored hash it was checked against: a password change (new hash), a disabled
 * account, any directory change (the cache is cleared) or {@link #TTL_MILLIS} ends the entry. Failed logins are never
 * cached, so guessing still costs a full PBKDF2 check per attempt.
 */
@ApplicationScoped
public class LoginCache {

    static final long TTL_MILLIS = 5 * 60_000;
    private static final int MAX_ENTRIES = 50_000;

    private record Entry(byte[] verifier, String passwordHash, long at) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final byte[] key = new byte[32];

    public LoginCache() {
        new SecureRandom().nextBytes(key);
    }

    /** True when this account's password was verified recently against the same stored hash. */
    boolean matches(String account, String password, String currentHash) {
        Entry e = entries.get(account);
        if (e == null || currentHash == null || !currentHash.equals(e.passwordHash())
                || System.currentTimeMillis() - e.at() > TTL_MILLIS) {
            return false;
        }
        return MessageDigest.isEqual(e.verifier(), verifier(password));
    }

    void remember(String account, String password, String currentHash) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(account, new Entry(verifier(password), currentHash, System.currentTimeMillis()));
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) DirectoryChanged change) {
        entries.clear();
    }

    private byte[] verifier(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
