package org.atrium.store.application;

import java.time.Instant;

/**
 * A class of service (ADR 0016) as administrators see it: its quota values (null: not set by the profile), the
 * protocols its users may log in with, its features, and how many users have it.
 */
public record ClassOfServiceView(long id, String name, String description, Long quotaBytes, Long quotaMessages,
        Integer quotaWarnPercent, boolean imap, boolean pop3, boolean submission, boolean publicFolders,
        boolean delegation, Instant createdAt, long users) {
}
