package org.atrium.store.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * One reader's \Seen on one item of a public folder (ADR 0006: in public folders \Seen is each reader's, every other
 * flag is shared). The row's presence is the flag. Rows go with the item or the account (foreign keys cascade).
 */
@Entity
@Table(name = "item_seen")
@IdClass(ItemSeen.Key.class)
public class ItemSeen {

    /** The primary key: item and reader. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private long itemId;
        private long accountId;

        public Key() {
        }

        public Key(long itemId, long accountId) {
            this.itemId = itemId;
            this.accountId = accountId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.itemId == itemId && k.accountId == accountId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(itemId, accountId);
        }
    }

    @Id
    @Column(name = "item_id")
    private long itemId;

    @Id
    @Column(name = "account_id")
    private long accountId;

    protected ItemSeen() {
    }

    public ItemSeen(long itemId, long accountId) {
        this.itemId = itemId;
        this.accountId = accountId;
    }

    public long getItemId() {
        return itemId;
    }

    public long getAccountId() {
        return accountId;
    }
}
