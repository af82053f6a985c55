package org.atrium.store.application;

/**
 * The settings of a class of service (ADR 0016) as an administrator gives them. Quota values: null sets none (the
 * domain default then applies). Protocols and features ({@code publicFolders}, {@code delegation}): null allows.
 */
public record ClassOfServiceSpec(String name, String description, Long quotaBytes, Long quotaMessages,
        Integer quotaWarnPercent, Boolean imap, Boolean pop3, Boolean submission, Boolean publicFolders,
        Boolean delegation) {
}
