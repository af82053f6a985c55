package org.atrium.store.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The address of a mail-enabled public folder (ADR 0006): mail to it is filed into the folder when the sender holds
 * the post right ({@code p}, RFC 4314 §2.1). A folder has at most one address; an address is unique across accounts,
 * aliases, groups and folders (the directory service checks that before it persists one). Published in the GAL.
 */
@Entity
@Table(name = "folder_address")
public class FolderAddress {

    @Id
    @Column(nullable = false)
    private String address;

    @Column(name = "folder_id", nullable = false, unique = true)
    private long folderId;

    @Column(name = "display_name")
    private String displayName;

    protected FolderAddress() {
    }

    public FolderAddress(MailAddress address, long folderId, String displayName) {
        this.address = address.toString();
        this.folderId = folderId;
        setDisplayName(displayName);
    }

    public String getAddress() {
        return address;
    }

    public long getFolderId() {
        return folderId;
    }

    public String getDisplayName() {
        return displayName;
    }

    /** Blank: none (the GAL then shows the folder's name). */
    public void setDisplayName(String displayName) {
        this.displayName = displayName == null || displayName.isBlank() ? null : displayName.strip();
    }
}
