package org.atrium.store.application;

/**
 * CDI event fired by the directory service when an entry changes, observed after commit by the caches and by the
 * GAL publisher.
 *
 * @param kind what changed
 * @param address its primary address (or domain name for DOMAIN; the folder's address for PUBLIC_FOLDER)
 * @param removed whether it is gone
 */
public record DirectoryChanged(Kind kind, String address, boolean removed) {

    public enum Kind { DOMAIN, ACCOUNT, GROUP, PUBLIC_FOLDER, CONTACT, RESOURCE }
}
