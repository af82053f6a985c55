package org.atrium.store.application;

import java.time.Instant;
import java.util.List;

/**
 * An account with its quota and mailbox usage, for administrators (issue #6): the fields of {@link AccountView}, the
 * account's own quota values (null: not set), the effective limits after the chain account, domain, server default
 * (null: unlimited; RFC 9208 §5 STORAGE in octets here, MESSAGE as a count), and the usage of all its folders.
 *
 * @param overWarning whether usage of a limited resource reached {@code effectiveWarnPercent} of its limit
 * @param adminOfDomains the domains the account administers without being a global administrator (ADR 0015)
 */
public record AccountDetails(long id, String address, String displayName, String givenName, String surname,
        String department, String title, String phone, String office, boolean admin, boolean enabled,
        List<String> aliases, Instant createdAt, Instant lastLoginAt, Long quotaBytes, Long quotaMessages,
        Integer quotaWarnPercent, Long effectiveQuotaBytes, Long effectiveQuotaMessages, int effectiveWarnPercent,
        long usedBytes, long messageCount, boolean overWarning, List<String> adminOfDomains) {

    public AccountDetails {
        adminOfDomains = adminOfDomains == null ? List.of() : List.copyOf(adminOfDomains);
    }

    /** Without {@code adminOfDomains} (none): the shape before ADR 0015. */
    public AccountDetails(long id, String address, String displayName, String givenName, String surname,
            String department, String title, String phone, String office, boolean admin, boolean enabled,
            List<String> aliases, Instant createdAt, Instant lastLoginAt, Long quotaBytes, Long quotaMessages,
            Integer quotaWarnPercent, Long effectiveQuotaBytes, Long effectiveQuotaMessages, int effectiveWarnPercent,
            long usedBytes, long messageCount, boolean overWarning) {
        this(id, address, displayName, givenName, surname, department, title, phone, office, admin, enabled, aliases,
                createdAt, lastLoginAt, quotaBytes, quotaMessages, quotaWarnPercent, effectiveQuotaBytes,
                effectiveQuotaMessages, effectiveWarnPercent, usedBytes, messageCount, overWarning, List.of());
    }

    /** This account with the domains it administers. */
    public AccountDetails withAdminOfDomains(List<String> domains) {
        return new AccountDetails(id, address, displayName, givenName, surname, department, title, phone, office,
                admin, enabled, aliases, createdAt, lastLoginAt, quotaBytes, quotaMessages, quotaWarnPercent,
                effectiveQuotaBytes, effectiveQuotaMessages, effectiveWarnPercent, usedBytes, messageCount,
                overWarning, domains);
    }
}
