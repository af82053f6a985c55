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

/**
 * A message that left a folder (EXPUNGE, MOVE, POP3 deletion), kept so that QRESYNC can report it as VANISHED to a
 * client that last saw the folder at an older MODSEQ (RFC 7162 §3.2.5.2). The MODSEQ is the one the removal took
 * from the locked folder, so "expunged since N" is exactly the rows with a greater MODSEQ. Rows go with the folder.
 */
@Entity
@Table(name = "expunged_item")
public class ExpungedItem {

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

    protected ExpungedItem() {
    }

    /**
     * Records the removal of an item; takes a new MODSEQ from its folder.
     *
     * @param lockedFolder the item's folder, locked by the caller's transaction
     */
    public static ExpungedItem of(MailItem item, Folder lockedFolder) {
        if (!item.getFolder().sameAs(lockedFolder)) {
            throw new IllegalArgumentException("the locked folder is not the item's folder");
        }
        ExpungedItem e = new ExpungedItem();
        e.folder = lockedFolder;
        e.uid = item.getUid();
        e.modseq = lockedFolder.nextModseq();
        return e;
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
}
