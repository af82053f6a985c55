package org.atrium.store.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A folder of a mailbox. Keeps the IMAP counters of RFC 3501 §2.3.1.1 and RFC 7162 §3.1:
 * UIDVALIDITY (fixed at creation), UIDNEXT (only grows) and HIGHESTMODSEQ (only grows).
 *
 * <p>Invariant: UIDs are strictly increasing in the order messages become visible. {@link #allocateUid()} is only
 * called while the folder row is locked (PESSIMISTIC_WRITE) in the transaction that inserts the item, so concurrent
 * deliveries and appends queue on the lock and each sees the UIDNEXT the previous one committed. The same lock
 * guards MODSEQ allocation and {@code recentUid}, the highest UID a read-write session has already claimed as
 * \Recent (RFC 3501 §2.3.2: a message is recent in exactly one session). Paths change only by
 * {@link #relocate}, which the caller applies to the whole subtree ({@link FolderPath#rebase}).
 */
@Entity
@Table(name = "folder")
public class Folder {

    /** Hierarchy delimiter of folder paths (RFC 3501 §6.3.8). */
    public static final char DELIMITER = '/';

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owner_id")
    private Account owner;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Folder parent;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String path;

    @Enumerated(EnumType.STRING)
    @Column(name = "special_use")
    private SpecialUse specialUse;

    @Column(name = "uid_validity", nullable = false)
    private long uidValidity;

    @Column(name = "uid_next", nullable = false)
    private long uidNext;

    @Column(name = "highest_modseq", nullable = false)
    private long highestModseq;

    @Column(name = "recent_uid", nullable = false)
    private long recentUid;

    @Column(nullable = false)
    private boolean subscribed;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Public folders only (ADR 0006): above this many bytes the owners are warned once; null: never. */
    @Column(name = "quota_warn_bytes")
    private Long quotaWarnBytes;

    /** Public folders only (ADR 0006): posts and appends that would go above this are refused; null: no limit. */
    @Column(name = "quota_prohibit_bytes")
    private Long quotaProhibitBytes;

    /** When the owners were last warned that usage passed {@link #quotaWarnBytes}; null once it dropped below. */
    @Column(name = "quota_warned_at")
    private Instant quotaWarnedAt;

    protected Folder() {
    }

    public Folder(Account owner, Folder parent, String name, SpecialUse specialUse, Instant now) {
        if (name == null || name.isBlank() || name.indexOf(DELIMITER) >= 0 || name.length() > 255) {
            throw new IllegalArgumentException("invalid folder name: " + name);
        }
        this.owner = owner;
        this.parent = parent;
        this.name = name;
        this.path = parent == null ? name : parent.getPath() + DELIMITER + name;
        this.specialUse = specialUse;
        // Seconds since the epoch: unique per folder creation in practice and always increasing across
        // delete-and-recreate of the same name, which is what RFC 3501 §2.3.1.1 asks of UIDVALIDITY.
        this.uidValidity = Math.max(1, now.getEpochSecond() & 0xFFFFFFFFL);
        this.uidNext = 1;
        this.highestModseq = 1;
        this.subscribed = true;
        this.createdAt = now;
    }

    /** Takes the next UID; the caller holds the row lock (see class comment). */
    public long allocateUid() {
        return uidNext++;
    }

    /** Takes the next MODSEQ for a change in this folder (RFC 7162 §3.1.1). */
    public long nextModseq() {
        return ++highestModseq;
    }

    /**
     * Claims the messages not yet seen by any read-write session as \Recent for the caller (RFC 3501 §2.3.2); the
     * caller holds the row lock.
     *
     * @return the previous claim: messages with a UID above it are \Recent for the caller
     */
    public long claimRecent() {
        long floor = recentUid;
        recentUid = Math.max(recentUid, uidNext - 1);
        return floor;
    }

    /** Whether {@link #claimRecent} would claim anything. */
    public boolean hasUnclaimedRecent() {
        return uidNext - 1 > recentUid;
    }

    /** The highest UID claimed as \Recent so far. */
    public long getRecentUid() {
        return recentUid;
    }

    /**
     * Moves this folder to a new place in the hierarchy (RENAME, RFC 3501 §6.3.5). The caller moves the subfolders by
     * calling {@link #relocate(FolderPath)} on each with its rebased path.
     */
    public void moveTo(Folder newParent, FolderPath newPath) {
        if (newParent == null ? newPath.parent() != null : !newParent.getPath().equals(newPath.parent().value())) {
            throw new IllegalArgumentException("parent " + (newParent == null ? null : newParent.getPath())
                    + " does not match " + newPath);
        }
        this.parent = newParent;
        this.name = newPath.name();
        this.path = newPath.value();
    }

    /** A subfolder of a renamed folder takes its rebased path; its parent row stays the same. */
    public void relocate(FolderPath newPath) {
        if (!newPath.name().equals(name)) {
            throw new IllegalArgumentException("relocation keeps the name: " + name + " -> " + newPath);
        }
        this.path = newPath.value();
    }

    /** The same folder row (or, before it is persisted, the same object). */
    public boolean sameAs(Folder other) {
        // Through the getters: either side may be a lazy proxy, whose fields are not loaded.
        return this == other || other != null && getId() != null && getId().equals(other.getId());
    }

    public Long getId() {
        return id;
    }

    public Account getOwner() {
        return owner;
    }

    public Folder getParent() {
        return parent;
    }

    public String getName() {
        return name;
    }

    public String getPath() {
        return path;
    }

    public SpecialUse getSpecialUse() {
        return specialUse;
    }

    public long getUidValidity() {
        return uidValidity;
    }

    public long getUidNext() {
        return uidNext;
    }

    public long getHighestModseq() {
        return highestModseq;
    }

    public boolean isSubscribed() {
        return subscribed;
    }

    public void setSubscribed(boolean subscribed) {
        this.subscribed = subscribed;
    }

    public Long getQuotaWarnBytes() {
        return quotaWarnBytes;
    }

    public Long getQuotaProhibitBytes() {
        return quotaProhibitBytes;
    }

    /** Sets both limits of a public folder (null: none); a warning level above the prohibit level is refused. */
    public void setQuota(Long warnBytes, Long prohibitBytes) {
        if ((warnBytes != null && warnBytes < 0) || (prohibitBytes != null && prohibitBytes < 0)
                || (warnBytes != null && prohibitBytes != null && warnBytes > prohibitBytes)) {
            throw new IllegalArgumentException("quota levels must be positive, warning not above prohibit");
        }
        this.quotaWarnBytes = warnBytes;
        this.quotaProhibitBytes = prohibitBytes;
    }

    public Instant getQuotaWarnedAt() {
        return quotaWarnedAt;
    }

    public void setQuotaWarnedAt(Instant quotaWarnedAt) {
        this.quotaWarnedAt = quotaWarnedAt;
    }
}
