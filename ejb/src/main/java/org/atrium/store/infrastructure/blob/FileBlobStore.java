package org.atrium.store.infrastructure.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import org.atrium.store.domain.BlobStore;

/**
 * Content-addressed blob store on the local file system: {@code <root>/ab/cd/<sha256>}.
 *
 * <p>Write path: stream into {@code <root>/tmp/} while hashing, fsync the file, then rename it into place and fsync
 * the directories whose entries changed. A crash at any point leaves either no blob or a complete one (a stray temp
 * file at worst, removed at the next start). Identical content is written once: if the target exists the temp file is
 * dropped. Plain Java; one instance is shared by all threads.
 */
public final class FileBlobStore implements BlobStore {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private final Path root;
    private final Path tmp;

    public FileBlobStore(Path root) throws IOException {
        this.root = root;
        this.tmp = root.resolve("tmp");
        Files.createDirectories(tmp);
        try (var stale = Files.list(tmp)) {
            for (Path p : (Iterable<Path>) stale::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public BlobRef store(InputStream content) throws IOException {
        Path temp = tmp.resolve(UUID.randomUUID().toString());
        MessageDigest sha = sha256();
        long size;
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = new DigestOutputStream(Channels.newOutputStream(ch), sha);
            size = content.transferTo(out);
            out.flush();
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        String hash = HexFormat.of().formatHex(sha.digest());
        Path target = pathOf(hash);
        if (Files.exists(target)) {
            Files.delete(temp);
            renew(target);
            return new BlobRef(hash, size);
        }
        Path dir = target.getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            fsyncDirectory(dir.getParent());
            fsyncDirectory(dir.getParent().getParent());
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(temp); // a concurrent writer stored the same content
            renew(target);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("blob store needs atomic rename within " + root, e);
        }
        fsyncDirectory(dir);
        return new BlobRef(hash, size);
    }

    @Override
    public InputStream open(String hash) throws IOException {
        try {
            return Files.newInputStream(pathOf(hash));
        } catch (NoSuchFileException e) {
            throw new IOException("blob " + hash + " is missing", e);
        }
    }

    @Override
    public boolean exists(String hash) {
        return Files.exists(pathOf(hash));
    }

    @Override
    public void delete(String hash) throws IOException {
        Files.deleteIfExists(pathOf(hash));
    }

    @Override
    public boolean deleteIfUnchangedSince(String hash, Instant releasedAt) throws IOException {
        Path p = pathOf(hash);
        try {
            if (Files.getLastModifiedTime(p).toInstant().isAfter(releasedAt)) {
                return false;
            }
        } catch (NoSuchFileException e) {
            return true;
        }
        Files.deleteIfExists(p);
        return true;
    }

    /** Marks an existing blob as written now, so a pending garbage collection of it is called off. */
    private static void renew(Path target) throws IOException {
        try {
            Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
        } catch (NoSuchFileException e) {
            throw new IOException("blob vanished while being re-used: " + target, e);
        }
    }

    Path pathOf(String hash) {
        if (!HASH.matcher(hash).matches()) {
            throw new IllegalArgumentException("not a blob hash: " + hash);
        }
        return root.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
    }

    private static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
