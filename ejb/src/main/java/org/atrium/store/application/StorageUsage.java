package org.atrium.store.application;

import java.util.Map;

/**
 * Storage in use, in octets.
 *
 * @param mailboxBytes the sizes of all mail items in all folders (what quotas count: a message filed in three
 *        mailboxes counts three times)
 * @param contentBytes the sizes of the distinct stored messages (single-instance storage: each once), close to what
 *        the blob store holds on disk
 * @param mailboxBytesByDomain {@code mailboxBytes} per domain of the folders' owners, by domain name
 */
public record StorageUsage(long mailboxBytes, long contentBytes, Map<String, Long> mailboxBytesByDomain) {

    public StorageUsage {
        mailboxBytesByDomain = Map.copyOf(mailboxBytesByDomain);
    }
}
