package org.atrium.connector.smtp;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Open connections per client IP address, shared by every SMTP listener (MX, submission, submissions) so that one
 * address cannot take all worker threads by opening many sessions (RFC 5321 §4.2.2 {@code 421}, §3.8: the server
 * may close with 421 when it cannot serve the client now). Trusted networks and loopback are counted like everyone
 * else.
 *
 * <p>Invariants: every successful {@link #acquire} is matched by exactly one {@link #release} (the session does so on
 * close); an address with no open connection has no entry, so memory is bounded by the open connections. Thread-safe.
 */
public final class ConnectionLimiter {

    private final int maxPerIp;
    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();

    /** @param maxPerIp connections allowed at once from one address; 0 or less means no limit */
    public ConnectionLimiter(int maxPerIp) {
        this.maxPerIp = maxPerIp;
    }

    /** Takes a slot for {@code ip}; false (and nothing taken) when the address already holds the maximum. */
    public boolean acquire(String ip) {
        if (maxPerIp <= 0) {
            return true;
        }
        boolean[] taken = {false};
        open.compute(ip, (k, n) -> {
            int current = n == null ? 0 : n;
            if (current >= maxPerIp) {
                return n;
            }
            taken[0] = true;
            return current + 1;
        });
        return taken[0];
    }

    /** Gives back a slot taken by {@link #acquire}. */
    public void release(String ip) {
        if (maxPerIp <= 0) {
            return;
        }
        open.computeIfPresent(ip, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** Connections now open from {@code ip}. */
    public int openFrom(String ip) {
        return open.getOrDefault(ip, 0);
    }

    /** Addresses with at least one open connection (for tests and diagnostics). */
    int trackedAddresses() {
        return open.size();
    }
}
