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
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A message as it appears in one folder: UID, MODSEQ, flags and internal date (RFC 3501 §2.3, RFC 7162 §3.1).
 * Created only through {@link #file}, which allocates the UID under the folder lock; the caller takes the content
 * reference it implies.
 *
 * <p>Invariant: every change of flags or keywords takes a new MODSEQ from the folder, which the caller holds locked, so
 * MODSEQs in a folder are unique and grow in commit order (RFC 7162 §3.1.1); a change that changes nothing keeps the
 * MODSEQ (RFC 7162 §3.1.3 lets a no-op STORE leave it).
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

    /** Who filed it (APPEND, COPY, MOVE): the "own items" of Exchange's author roles (ADR 0006); null: delivered. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "creator_id")
    private Account creator;

    protected MailItem() {
    }

    private MailItem(Folder folder, MessageContent content, Instant internalDate, Set<Flag> flags,
            List<String> keywords) {
        this.folder = folder;
        this.content = content;
        this.internalDate = internalDate;
        this.size = content.getSize();
        this.flags = Flag.toBits(flags);
        this.keywords = Keywords.format(Keywords.apply(List.of(), FlagMode.ADD, keywords));
        this.uid = folder.allocateUid();
        this.modseq = folder.nextModseq();
    }

    /**
     * Files content into a folder.
     *
     * @param lockedFolder the folder, locked PESSIMISTIC_WRITE by the caller's transaction
     */
    public static MailItem file(Folder lockedFolder, MessageContent content, Instant internalDate, Set<Flag> flags) {
        return new MailItem(lockedFolder, content, internalDate, flags, List.of());
    }

    /** Files content into a folder with keywords (APPEND, RFC 3501 §6.3.11). */
    public static MailItem file(Folder lockedFolder, MessageContent content, Instant internalDate, Set<Flag> flags,
            List<String> keywords) {
        return new MailItem(lockedFolder, content, internalDate, flags, keywords);
    }

    /**
     * A copy of this message in another (or the same) folder: same content, internal date, flags and keywords, a new
     * UID and MODSEQ there (RFC 3501 §6.4.7). The caller takes the content reference, or hands over this item's when
     * it removes this one (MOVE).
     */
    public MailItem copyTo(Folder lockedTarget) {
        MailItem copy = new MailItem(lockedTarget, content, internalDate, getFlags(), getKeywords());
        copy.creator = creator;
        return copy;
    }

    /**
     * A copy filed by {@code creator} (COPY, MOVE: the copy is the creator's own item, ADR 0006) with the flags and
     * keywords the caller decided (the creator's view of them, narrowed to what it may set in the target).
     */
    public MailItem copyTo(Folder lockedTarget, Account creator, Set<Flag> flags, List<String> keywords) {
        MailItem copy = new MailItem(lockedTarget, content, internalDate, flags, keywords);
        copy.creator = creator;
        return copy;
    }

    /** Records who filed this item (APPEND); set once, before it is persisted. */
    public MailItem createdBy(Account creator) {
        if (id != null) {
            throw new IllegalStateException("the creator of a stored item does not change");
        }
        this.creator = creator;
        return this;
    }

    /**
     * Gives the item a new MODSEQ without changing its shared state: a reader's own \Seen in a public folder
     * changed (ADR 0006), which that reader's CONDSTORE view must see (RFC 7162 §3.1).
     *
     * @param lockedFolder this item's folder, locked by the caller's transaction
     */
    public void touch(Folder lockedFolder) {
        if (!folder.sameAs(lockedFolder)) {
            throw new IllegalArgumentException("the locked folder is not this item's folder");
        }
        this.modseq = lockedFolder.nextModseq();
    }

    /**
     * Changes flags and keywords (RFC 3501 §6.4.6).
     *
     * @param lockedFolder this item's folder, locked by the caller's transaction
     * @return whether anything changed; only then the item has a new MODSEQ
     */
    public boolean changeFlags(FlagMode mode, Set<Flag> systemFlags, Collection<String> keywordChange,
            Folder lockedFolder) {
        return changeFlags(mode, systemFlags, keywordChange, lockedFolder, EnumSet.allOf(Flag.class), true);
    }

    /**
     * Changes only the flags in {@code changeable}, and the keywords only when {@code keywordsChangeable}: the rest
     * stays as it is whatever the mode (RFC 4314 §4: a STORE ignores the flags the user has no right for).
     *
     * @param lockedFolder this item's folder, locked by the caller's transaction
     * @return whether anything changed; only then the item has a new MODSEQ
     */
    public boolean changeFlags(FlagMode mode, Set<Flag> systemFlags, Collection<String> keywordChange,
            Folder lockedFolder, Set<Flag> changeable, boolean keywordsChangeable) {
        if (!folder.sameAs(lockedFolder)) {
            throw new IllegalArgumentException("the locked folder is not this item's folder");
        }
        Set<Flag> now = getFlags();
        Set<Flag> next = switch (mode) {
            case REPLACE -> systemFlags.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(systemFlags);
            case ADD -> union(now, systemFlags);
            case REMOVE -> minus(now, systemFlags);
        };
        EnumSet<Flag> kept = EnumSet.noneOf(Flag.class);
        kept.addAll(now);
        kept.removeAll(changeable);
        next = union(kept, minus(next, EnumSet.complementOf(toEnumSet(changeable))));
        List<String> currentKeywords = getKeywords();
        List<String> nextKeywords = keywordsChangeable ? Keywords.apply(currentKeywords, mode, keywordChange)
                : currentKeywords;
        if (next.equals(now) && Keywords.sameSet(currentKeywords, nextKeywords)) {
            return false;
        }
        String stored = Keywords.format(nextKeywords); // may refuse (too long) before anything changed
        this.flags = Flag.toBits(next);
        this.keywords = stored;
        this.modseq = lockedFolder.nextModseq();
        return true;
    }

    private static Set<Flag> union(Set<Flag> a, Set<Flag> b) {
        EnumSet<Flag> s = EnumSet.noneOf(Flag.class);
        s.addAll(a);
        s.addAll(b);
        return s;
    }

    private static EnumSet<Flag> toEnumSet(Set<Flag> s) {
        EnumSet<Flag> out = EnumSet.noneOf(Flag.class);
        out.addAll(s);
        return out;
    }

    private static Set<Flag> minus(Set<Flag> a, Set<Flag> b) {
        EnumSet<Flag> s = EnumSet.noneOf(Flag.class);
        s.addAll(a);
        s.removeAll(b);
        return s;
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

    public List<String> getKeywords() {
        return Keywords.parse(keywords);
    }

    /** Who filed it, or null (delivered mail, items older than ADR 0006). */
    public Account getCreator() {
        return creator;
    }
}
