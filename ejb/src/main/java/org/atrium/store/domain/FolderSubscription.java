package org.atrium.store.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * A user's subscription (RFC 3501 §6.3.6) to a folder that is not their own: another user's shared folder or a
 * public folder (ADR 0006). A user's own folders keep {@link Folder#isSubscribed()} instead. Rows go with the folder
 * or the account (foreign keys cascade).
 */
@Entity
@Table(name = "folder_subscription")
@IdClass(FolderSubscription.Key.class)
public class FolderSubscription {

    /** The primary key: subscriber and folder. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private long accountId;
        private long folderId;

        public Key() {
        }

        public Key(long accountId, long folderId) {
            this.accountId = accountId;
            this.folderId = folderId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.accountId == accountId && k.folderId == folderId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, folderId);
        }
    }

    @Id
    @Column(name = "account_id")
    private long accountId;

    @Id
    @Column(name = "folder_id")
    private long folderId;

    protected FolderSubscription() {
    }

    public FolderSubscription(long accountId, long folderId) {
        this.accountId = accountId;
        this.folderId = folderId;
    }

    public long getAccountId() {
        return accountId;
    }

    public long getFolderId() {
        return folderId;
    }
}
