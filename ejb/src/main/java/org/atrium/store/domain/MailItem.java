package org.atrium.store.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;

/**
 * A message as it appears in one folder: UID, MODSEQ, flags and internal date (RFC 3501 §2.3, RFC 7162 §3.1).
 * Created only through {@link #file}, which allocates the UID under the folder lock; the caller takes the content
 * reference it implies.
 */
@Entity
@Table(name = "mail_item")
public class MailItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "folder_id")
    private Folder folder;

    @Column(nullable = false)
    private long uid;

    @Column(nullable = false)
    private long modseq;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "content_id")
    private MessageContent content;

    @Column(name = "internal_date", nullable = false)
    private Instant internalDate;

    @Column(nullable = false)
    private long size;

    @Column(nullable = false)
    private int flags;

    private String keywords;

    protected MailItem() {
    }

    private MailItem(Folder folder, MessageContent content, Instant internalDate, Set<Flag> flags) {
        this.folder = folder;
        this.content = content;
        this.internalDate = internalDate;
        this.size = content.getSize();
        this.flags = Flag.toBits(flags);
        this.uid = folder.allocateUid();
        this.modseq = folder.nextModseq();
    }

    /**
     * Files content into a folder.
     *
     * @param lockedFolder the folder, locked PESSIMISTIC_WRITE by the caller's transaction
     */
    public static MailItem file(Folder lockedFolder, MessageContent content, Instant internalDate, Set<Flag> flags) {
        return new MailItem(lockedFolder, content, internalDate, flags);
    }

    public Long getId() {
        return id;
    }

    public Folder getFolder() {
        return folder;
    }

    public long getUid() {
        return uid;
    }

    public long getModseq() {
        return modseq;
    }

    public MessageContent getContent() {
        return content;
    }

    public Instant getInternalDate() {
        return internalDate;
    }

    public long getSize() {
        return size;
    }

    public Set<Flag> getFlags() {
        return Flag.fromBits(flags);
    }
}
