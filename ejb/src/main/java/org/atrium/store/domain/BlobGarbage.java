package org.atrium.store.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A blob whose last content row went: a candidate for the collector once its grace period has passed. */
@Entity
@Table(name = "blob_garbage")
public class BlobGarbage {

    @Id
    @Column(name = "blob_hash", length = 64)
    private String blobHash;

    @Column(name = "released_at", nullable = false)
    private Instant releasedAt;

    protected BlobGarbage() {
    }

    public BlobGarbage(String blobHash, Instant releasedAt) {
        this.blobHash = blobHash;
        this.releasedAt = releasedAt;
    }

    public void releasedAgain(Instant at) {
        this.releasedAt = at;
    }

    public String getBlobHash() {
        return blobHash;
    }

    public Instant getReleasedAt() {
        return releasedAt;
    }
}
