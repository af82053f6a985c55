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

    /** The warning level when neither the account nor its domain sets one (issue #6). */
    public static final int DEFAULT_WARN_PERCENT = 90;

    public Quota {
        if (bytesLimit < NONE || messageLimit < NONE) {
            throw new IllegalArgumentException("invalid quota limits");
        }
    }

    /**
     * The limits that apply to an account without a domain default: its own, or for storage the server default.
     *
     * @param defaultBytes the server default storage limit (system property {@code atrium.quota.default.bytes}), or
     *     null for unlimited
     */
    public static Quota effective(Long accountBytes, Long accountMessages, Long defaultBytes) {
        return effective(accountBytes, accountMessages, null, null, defaultBytes);
    }

    /**
     * The limits that apply to an account, each resource on its own: the account's value, else its domain's default,
     * else for storage the server default; a null at the end of the chain is unlimited.
     *
     * @param defaultBytes the server default storage limit (system property {@code atrium.quota.default.bytes}), or
     *     null for unlimited
     */
    public static Quota effective(Long accountBytes, Long accountMessages, Long domainBytes, Long domainMessages,
            Long defaultBytes) {
        Long bytes = accountBytes != null ? accountBytes : domainBytes != null ? domainBytes : defaultBytes;
        Long messages = accountMessages != null ? accountMessages : domainMessages;
        return new Quota(bytes == null ? NONE : bytes, messages == null ? NONE : messages);
    }

    /** The warning level that applies: the account's, else its domain's, else {@link #DEFAULT_WARN_PERCENT}. */
    public static int effectiveWarnPercent(Integer accountPercent, Integer domainPercent) {
        return accountPercent != null ? accountPercent : domainPercent != null ? domainPercent
                : DEFAULT_WARN_PERCENT;
    }

    /**
     * Checks values an administrator sets (null: not set).
     *
     * @throws IllegalArgumentException naming the value at fault: "bytes", "messages" or "warnPercent"
     */
    public static void checkLimits(Long bytes, Long messages, Integer warnPercent) {
        if (bytes != null && bytes < 0) {
            throw new IllegalArgumentException("bytes: a quota limit cannot be negative");
        }
        if (messages != null && messages < 0) {
            throw new IllegalArgumentException("messages: a quota limit cannot be negative");
        }
        if (warnPercent != null && (warnPercent < 1 || warnPercent > 100)) {
            throw new IllegalArgumentException("warnPercent: the warning level must be between 1 and 100 percent");
        }
    }

    /**
     * Whether usage reached the warning level of any limited resource: {@code warnPercent} of its limit, rounded up.
     * The level only informs (the administration view); refusals come at the limit itself ({@link #admits}).
     */
    public boolean overWarning(long usedBytes, long usedMessages, int warnPercent) {
        return reached(usedBytes, bytesLimit, warnPercent) || reached(usedMessages, messageLimit, warnPercent);
    }

    private static boolean reached(long used, long limit, int percent) {
        if (limit == NONE) {
            return false;
        }
        // ceil(limit * percent / 100) without overflowing for limits near Long.MAX_VALUE
        long level = limit / 100 * percent + (limit % 100 * percent + 99) / 100;
        return used >= level;
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
