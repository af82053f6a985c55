package org.atrium.store.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * Delegation of a whole mailbox to another user (ADR 0006): access to every folder of the owner (READ or FULL) and
 * the sending grants the transport enforces (send as the owner; send on behalf of the owner, with a Sender: header).
 * Folder-level sharing is the folder's ACL ({@link FolderAcl}); a grant adds to it, never takes away.
 */
@Entity
@Table(name = "mailbox_grant")
@IdClass(MailboxGrant.Key.class)
public class MailboxGrant {

    /** How much of the mailbox the grantee may use. */
    public enum Access {
        NONE(Rights.NONE),
        /** See and read every folder (keeping the owner's \Seen: reading does not mark as read). */
        READ(new Rights("lr")),
        /** Everything but changing permissions. */
        FULL(new Rights("lrswipkxte"));

        private final Rights rights;

        Access(Rights rights) {
            this.rights = rights;
        }

        public Rights rights() {
            return rights;
        }
    }

    /** The primary key: owner and grantee. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private long ownerId;
        private String grantee;

        public Key() {
        }

        public Key(long ownerId, String grantee) {
            this.ownerId = ownerId;
            this.grantee = grantee;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.ownerId == ownerId && Objects.equals(k.grantee, grantee);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ownerId, grantee);
        }
    }

    @Id
    @Column(name = "owner_id")
    private long ownerId;

    @Id
    @Column(nullable = false)
    private String grantee;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Access access;

    @Column(name = "send_as", nullable = false)
    private boolean sendAs;

    @Column(name = "send_on_behalf", nullable = false)
    private boolean sendOnBehalf;

    protected MailboxGrant() {
    }

    /** @param grantee an account address; stored lower case */
    public MailboxGrant(long ownerId, String grantee) {
        this.ownerId = ownerId;
        this.grantee = grantee.strip().toLowerCase(Locale.ROOT);
        this.access = Access.NONE;
    }

    public long getOwnerId() {
        return ownerId;
    }

    public String getGrantee() {
        return grantee;
    }

    public Access getAccess() {
        return access;
    }

    public void setAccess(Access access) {
        this.access = Objects.requireNonNull(access);
    }

    public boolean isSendAs() {
        return sendAs;
    }

    public void setSendAs(boolean sendAs) {
        this.sendAs = sendAs;
    }

    public boolean isSendOnBehalf() {
        return sendOnBehalf;
    }

    public void setSendOnBehalf(boolean sendOnBehalf) {
        this.sendOnBehalf = sendOnBehalf;
    }

    /** Whether the grant still grants anything (an empty one is deleted). */
    public boolean isEmpty() {
        return access == Access.NONE && !sendAs && !sendOnBehalf;
    }
}
