package org.atrium.store.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One received message: where its bytes are (a content-addressed blob) and what was learnt by parsing it once at
 * acceptance (envelope fields, body structure with part offsets, as JSON in {@link #getMetadata()}).
 *
 * <p>Single-instance storage: every folder item showing the message references this one row; {@code refCount} counts
 * them, plus one while an inbound queue entry still needs the content. When it reaches zero the row goes, and the blob
 * goes with the last row that names it. The count is changed only by atomic SQL updates under the row lock
 * ({@code ContentReferences}), never read-modify-write in memory, so concurrent deliveries and expunges cannot lose
 * an update (a lost increment would free content still shown in a folder).
 */
@Entity
@Table(name = "message_content")
public class MessageContent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "blob_hash", nullable = false, length = 64)
    private String blobHash;

    @Column(nullable = false)
    private long size;

    @Column(name = "ref_count", nullable = false)
    private int refCount;

    @Column(name = "sent_date")
    private Instant sentDate;

    private String subject;

    @Column(name = "from_header")
    private String fromHeader;

    @Column(name = "to_header")
    private String toHeader;

    @Column(name = "message_id")
    private String messageId;

    @Column(name = "in_reply_to")
    private String inReplyTo;

    @Column(nullable = false, length = 1_000_000)
    private String metadata;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected MessageContent() {
    }

    /**
     * @param initialReferences references held from the start (1: the inbound queue entry that carries it)
     */
    public MessageContent(String blobHash, long size, String metadata, int initialReferences, Instant now) {
        this.blobHash = blobHash;
        this.size = size;
        this.metadata = metadata;
        this.createdAt = now;
        this.refCount = initialReferences;
    }

    /** Fills the indexed header columns; values are cut to their column sizes. */
    public void describe(Instant sentDate, String subject, String from, String to, String messageId, String inReplyTo) {
        this.sentDate = sentDate;
        this.subject = cut(subject, 1000);
        this.fromHeader = cut(from, 1000);
        this.toHeader = cut(to, 4000);
        this.messageId = cut(messageId, 1000);
        this.inReplyTo = cut(inReplyTo, 1000);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public String getBlobHash() {
        return blobHash;
    }

    public long getSize() {
        return size;
    }

    public int getRefCount() {
        return refCount;
    }

    public Instant getSentDate() {
        return sentDate;
    }

    public String getSubject() {
        return subject;
    }

    public String getFromHeader() {
        return fromHeader;
    }

    public String getToHeader() {
        return toHeader;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getInReplyTo() {
        return inReplyTo;
    }

    public String getMetadata() {
        return metadata;
    }
}
