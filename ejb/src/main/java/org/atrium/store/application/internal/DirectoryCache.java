package org.atrium.store.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.atrium.store.application.DirectoryChanged;
import org.atrium.store.application.RecipientResolution;

/**
 * Recipient and local-domain look-ups are on every RCPT TO; they are cached here and the cache is cleared after any
 * directory change commits on this node. Entries also expire after a short time so that a change made on another
 * node of a cluster is seen within {@link #TTL_MILLIS} (change events across nodes are a later JMS topic).
 */
@ApplicationScoped
public class DirectoryCache {

    static final long TTL_MILLIS = 30_000;

    private record Timed<T>(T value, long at) {
    }

    private final Map<String, Timed<RecipientResolution>> recipients = new ConcurrentHashMap<>();
    private final Map<String, Timed<Boolean>> domains = new ConcurrentHashMap<>();

    RecipientResolution recipient(String address, Supplier<RecipientResolution> load) {
        return get(recipients, address, load);
    }

    boolean localDomain(String domain, Supplier<Boolean> load) {
        return get(domains, domain, load);
    }

    private static <T> T get(Map<String, Timed<T>> map, String key, Supplier<T> load) {
        long now = System.currentTimeMillis();
        Timed<T> t = map.get(key);
        if (t != null && now - t.at() < TTL_MILLIS) {
            return t.value();
        }
        T v = load.get();
        if (map.size() > 100_000) {
            map.clear(); // bounded: a flood of random recipients must not grow the heap
        }
        map.put(key, new Timed<>(v, now));
        return v;
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) DirectoryChanged change) {
        clear();
    }

    public void clear() {
        recipients.clear();
        domains.clear();
    }
}
