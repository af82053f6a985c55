package org.atrium.store.domain;

/**
 * An account's quota root (RFC 9208 §5): limits on the octets and the number of messages of all its folders, with
 * {@link #NONE} meaning unlimited.
 *
 * <p>Usage counts every message in every folder, including those flagged \Deleted and not yet expunged (RFC 9208
 * §5.1: they still take space). A change that does not add to usage (MOVE within the account, flag changes, expunge)
 * is never refused, so a user over quota can always clean up.
 */
public record Quota(long bytesLimit, long messageLimit) {

    /** No limit. */
    public static final long NONE = -1;

    public Quota {
        if (bytesLimit < NONE || messageLimit < NONE) {
            throw new IllegalArgumentException("invalid quota limits");
        }
    }

    /**
     * The limits that apply to an account: its own, or for storage the server default when it has none.
     *
     * @param defaultBytes the server default storage limit (system property {@code atrium.quota.default.bytes}), or
     *     null for unlimited
     */
    public static Quota effective(Long accountBytes, Long accountMessages, Long defaultBytes) {
        Long bytes = accountBytes != null ? accountBytes : defaultBytes;
        return new Quota(bytes == null ? NONE : bytes, accountMessages == null ? NONE : accountMessages);
    }

    /** Whether adding {@code addBytes} octets in {@code addMessages} messages keeps usage within the limits. */
    public boolean admits(long usedBytes, long usedMessages, long addBytes, long addMessages) {
        return within(usedBytes, addBytes, bytesLimit) && within(usedMessages, addMessages, messageLimit);
    }

    private static boolean within(long used, long add, long limit) {
        return limit == NONE || add <= 0 || used + add <= limit;
    }

    /** Usage in the 1024-octet units of the STORAGE resource (RFC 9208 §5.1), rounded up. */
    public static long usageKib(long bytes) {
        return (bytes + 1023) / 1024;
    }

    /** The STORAGE limit in 1024-octet units, rounded down (never promise more than the limit), or NONE. */
    public long storageLimitKib() {
        return bytesLimit == NONE ? NONE : bytesLimit / 1024;
    }
}
