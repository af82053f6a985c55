package org.atrium.store.application;

import java.time.Instant;
import java.util.List;

/**
 * An account with its quota and mailbox usage, for administrators (issue #6): the fields of {@link AccountView}, the
 * account's own quota values (null: not set), the effective limits after the chain account, class of service,
 * domain, server default (null: unlimited; RFC 9208 §5 STORAGE in octets here, MESSAGE as a count), and the usage of
 * all its folders.
 *
 * @param overWarning whether usage of a limited resource reached {@code effectiveWarnPercent} of its limit
 * @param classOfService the name of the account's class of service (ADR 0016), or null
 * @param effectiveQuotaBytesSource where {@code effectiveQuotaBytes} comes from: "account", "classOfService",
 *     "domain", "server" or "none" (unlimited); likewise the two fields after it
 * @param adminOfDomains the domains the account administers without being a global administrator (ADR 0015)
 */
public record AccountDetails(long id, String address, String displayName, String givenName, String surname,
        String department, String title, String phone, String office, boolean admin, boolean enabled,
        List<String> aliases, Instant createdAt, Instant lastLoginAt, Long quotaBytes, Long quotaMessages,
        Integer quotaWarnPercent, Long effectiveQuotaBytes, Long effectiveQuotaMessages, int effectiveWarnPercent,
        long usedBytes, long messageCount, boolean overWarning, String classOfService,
        String effectiveQuotaBytesSource, String effectiveQuotaMessagesSource, String effectiveWarnPercentSource,
        List<String> adminOfDomains) {

    public AccountDetails {
        adminOfDomains = adminOfDomains == null ? List.of() : List.copyOf(adminOfDomains);
    }

    /** Without the domains it administers (none, ADR 0015). */
    public AccountDetails(long id, String address, String displayName, String givenName, String surname,
            String department, String title, String phone, String office, boolean admin, boolean enabled,
            List<String> aliases, Instant createdAt, Instant lastLoginAt, Long quotaBytes, Long quotaMessages,
            Integer quotaWarnPercent, Long effectiveQuotaBytes, Long effectiveQuotaMessages, int effectiveWarnPercent,
            long usedBytes, long messageCount, boolean overWarning, String classOfService,
            String effectiveQuotaBytesSource, String effectiveQuotaMessagesSource, String effectiveWarnPercentSource) {
        this(id, address, displayName, givenName, surname, department, title, phone, office, admin, enabled, aliases,
                createdAt, lastLoginAt, quotaBytes, quotaMessages, quotaWarnPercent, effectiveQuotaBytes,
                effectiveQuotaMessages, effectiveWarnPercent, usedBytes, messageCount, overWarning, classOfService,
                effectiveQuotaBytesSource, effectiveQuotaMessagesSource, effectiveWarnPercentSource, List.of());
    }

    /** Without class of service, sources and administered domains (as before ADR 0015 and 0016). */
    public AccountDetails(long id, String address, String displayName, String givenName, String surname,
            String department, String title, String phone, String office, boolean admin, boolean enabled,
            List<String> aliases, Instant createdAt, Instant lastLoginAt, Long quotaBytes, Long quotaMessages,
            Integer quotaWarnPercent, Long effectiveQuotaBytes, Long effectiveQuotaMessages, int effectiveWarnPercent,
            long usedBytes, long messageCount, boolean overWarning) {
        this(id, address, displayName, givenName, surname, department, title, phone, office, admin, enabled, aliases,
                createdAt, lastLoginAt, quotaBytes, quotaMessages, quotaWarnPercent, effectiveQuotaBytes,
                effectiveQuotaMessages, effectiveWarnPercent, usedBytes, messageCount, overWarning, null, null, null,
                null, List.of());
    }

    /** This account with the domains it administers. */
    public AccountDetails withAdminOfDomains(List<String> domains) {
        return new AccountDetails(id, address, displayName, givenName, surname, department, title, phone, office,
                admin, enabled, aliases, createdAt, lastLoginAt, quotaBytes, quotaMessages, quotaWarnPercent,
                effectiveQuotaBytes, effectiveQuotaMessages, effectiveWarnPercent, usedBytes, messageCount,
                overWarning, classOfService, effectiveQuotaBytesSource, effectiveQuotaMessagesSource,
                effectiveWarnPercentSource, domains);
    }
}
