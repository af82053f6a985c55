package org.atrium.store.domain;

import java.io.IOException;
import java.io.InputStream;

/**
 * Message bytes, addressed by their SHA-256. Identical content is stored once.
 *
 * <p>Durability contract: when {@link #store} returns, the bytes and the directory entries leading to them are on
 * stable storage (fsync), so that a reply promising delivery can be sent.
 */
public interface BlobStore {

    /** @param hash lower-case hex SHA-256; size in octets */
    record BlobRef(String hash, long size) {
    }

    BlobRef store(InputStream content) throws IOException;

    InputStream open(String hash) throws IOException;

    boolean exists(String hash);

    /** Removes a blob; no error if it is already gone. */
    void delete(String hash) throws IOException;

    /**
     * Removes a blob unless it was stored again after {@code releasedAt} ({@link #store} of identical content renews
     * it), closing the race between the garbage collector and a concurrent writer of the same bytes.
     *
     * @return true if the blob is gone
     */
    boolean deleteIfUnchangedSince(String hash, java.time.Instant releasedAt) throws IOException;
}
