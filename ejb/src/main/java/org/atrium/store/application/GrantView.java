package org.atrium.store.application;

/**
 * A mailbox grant (ADR 0006) as the interfaces see it.
 *
 * @param access {@code NONE}, {@code READ} or {@code FULL}
 */
public record GrantView(String owner, String grantee, String access, boolean sendAs, boolean sendOnBehalf) {
}
