package org.atrium.store.infrastructure.blob;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.atrium.store.domain.BlobStore.BlobRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBlobStoreTest {

    @TempDir
    Path dir;

    @Test
    void storesContentUnderItsSha256AndReadsItBack() throws IOException {
        FileBlobStore store = new FileBlobStore(dir);
        byte[] data = "Subject: hi\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII);
        BlobRef ref = store.store(new ByteArrayInputStream(data));
        assertEquals(data.length, ref.size());
        // sha256 of the bytes, computed independently
        String expected = java.util.HexFormat.of().formatHex(
                assertDoesNotThrowDigest(data));
        assertEquals(expected, ref.hash());
        assertTrue(Files.exists(dir.resolve(expected.substring(0, 2)).resolve(expected.substring(2, 4)).resolve(expected)));
        try (InputStream in = store.open(ref.hash())) {
            assertArrayEquals(data, in.readAllBytes());
        }
    }

    private static byte[] assertDoesNotThrowDigest(byte[] data) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void identicalContentIsStoredOnce() throws IOException {
        FileBlobStore store = new FileBlobStore(dir);
        byte[] data = new byte[100_000];
        BlobRef a = store.store(new ByteArrayInputStream(data));
        BlobRef b = store.store(new ByteArrayInputStream(data));
        assertEquals(a, b);
        try (var files = Files.walk(dir)) {
            assertEquals(1, files.filter(Files::isRegularFile).count());
        }
    }

    @Test
    void failedWriteLeavesNoBlobAndNoTempFile() throws IOException {
        FileBlobStore store = new FileBlobStore(dir);
        InputStream broken = new InputStream() {
            int n;

            @Override
            public int read() throws IOException {
                if (n++ > 1000) {
                    throw new IOException("peer went away");
                }
                return 'x';
            }
        };
        assertThrows(IOException.class, () -> store.store(broken));
        try (var files = Files.walk(dir)) {
            assertEquals(0, files.filter(Files::isRegularFile).count());
        }
    }

    @Test
    void deleteIsIdempotentAndMissingBlobIsAnError() throws IOException {
        FileBlobStore store = new FileBlobStore(dir);
        BlobRef ref = store.store(new ByteArrayInputStream(new byte[] {1, 2, 3}));
        store.delete(ref.hash());
        store.delete(ref.hash());
        assertFalse(store.exists(ref.hash()));
        assertThrows(IOException.class, () -> store.open(ref.hash()));
        assertThrows(IllegalArgumentException.class, () -> store.open("../../etc/passwd"));
    }

    @Test
    void staleTempFilesAreRemovedAtStart() throws IOException {
        Files.createDirectories(dir.resolve("tmp"));
        Files.writeString(dir.resolve("tmp").resolve("left-over"), "partial");
        new FileBlobStore(dir);
        try (var files = Files.list(dir.resolve("tmp"))) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void collectorSparesABlobStoredAgainAfterItsRelease() throws Exception {
        FileBlobStore store = new FileBlobStore(dir);
        byte[] data = "same bytes".getBytes(StandardCharsets.US_ASCII);
        BlobRef ref = store.store(new ByteArrayInputStream(data));
        java.time.Instant released = java.time.Instant.now().minusSeconds(60);
        Path file = store.pathOf(ref.hash());
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(released.minusSeconds(10)));
        store.store(new ByteArrayInputStream(data)); // a new message with identical content re-uses the blob
        assertFalse(store.deleteIfUnchangedSince(ref.hash(), released));
        assertTrue(store.exists(ref.hash()));
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(released.minusSeconds(10)));
        assertTrue(store.deleteIfUnchangedSince(ref.hash(), released));
        assertFalse(store.exists(ref.hash()));
    }
}
