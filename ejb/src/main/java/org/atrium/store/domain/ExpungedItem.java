package org.atrium.store.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
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

    @Column(name = "folder_id", nullable = false)
    private long folderId;

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
        if (item.getFolder() != lockedFolder && !item.getFolder().getId().equals(lockedFolder.getId())) {
            throw new IllegalArgumentException("the locked folder is not the item's folder");
        }
        ExpungedItem e = new ExpungedItem();
        e.folderId = lockedFolder.getId();
        e.uid = item.getUid();
        e.modseq = lockedFolder.nextModseq();
        return e;
    }

    public long getFolderId() {
        return folderId;
    }

    public long getUid() {
        return uid;
    }

    public long getModseq() {
        return modseq;
    }
}
