package org.atrium.store.application.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Groups the remote recipients of one message by destination domain: one outbound entry, and so one SMTP transaction,
 * per domain (RFC 5321 §3.3 lets one transaction carry many recipients of the same next hop). Domains compare
 * without case (RFC 5321 §2.4); local parts keep theirs, and an address routed twice is relayed once.
 */
final class OutboundGrouping {

    private OutboundGrouping() {
    }

    /** The domain (lower case) of each group, its recipients in their first-seen order. */
    static Map<String, List<String>> byDomain(List<String> addresses) {
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        for (String a : addresses) {
            groups.computeIfAbsent(domain(a), d -> new LinkedHashSet<>()).add(a);
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        groups.forEach((d, r) -> result.put(d, new ArrayList<>(r)));
        return result;
    }

    /** The domain part of an address, lower case. @throws IllegalArgumentException no domain */
    static String domain(String address) {
        int at = address.lastIndexOf('@');
        if (at < 0 || at == address.length() - 1) {
            throw new IllegalArgumentException("not a remote address: " + address);
        }
        return address.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
