package org.atrium.connector.smtp;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The content of one message while it arrives after DATA (RFC 5321 §4.1.1.4): held in memory up to a threshold, then
 * spilled to a temporary file, so that a 50 MiB message costs a connection disk, not heap.
 *
 * <p>Invariants: {@link #size()} is exactly what {@link #open()} yields; {@link #open()} may be called any number of
 * times (the store may read the content twice, e.g. to parse and then to copy); {@link #close()} deletes the spool
 * file and is idempotent. The spool file is created by {@link Files#createTempFile}, readable by its owner only on
 * POSIX systems, because it holds private mail. Not thread-safe: owned by one session.
 */
public final class MessageBuffer implements MessageData, AutoCloseable {

    private static final byte[] CRLF = {'\r', '\n'};

    private final Path spoolDir;
    private final int memoryThreshold;
    private byte[] memory = new byte[512];
    private int memoryLength;
    private Path file;
    private OutputStream fileOut;
    private long size;
    private boolean closed;

    /**
     * @param spoolDir where the file goes once content passes {@code memoryThreshold}
     * @param memoryThreshold octets kept in memory; 0 spills from the first byte
     */
    public MessageBuffer(Path spoolDir, int memoryThreshold) {
        this.spoolDir = spoolDir;
        this.memoryThreshold = memoryThreshold;
    }

    public void write(byte[] bytes, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("message buffer closed");
        }
        if (fileOut == null && (long) memoryLength + len > memoryThreshold) {
            spill();
        }
        if (fileOut != null) {
            fileOut.write(bytes, off, len);
        } else {
            if (memoryLength + len > memory.length) {
                memory = Arrays.copyOf(memory, Math.min(memoryThreshold, Math.max(memory.length * 2,
                        memoryLength + len)));
            }
            System.arraycopy(bytes, off, memory, memoryLength, len);
            memoryLength += len;
        }
        size += len;
    }

    /** Writes {@code bytes[off..off+len)} followed by CR LF: the stored form of every line. */
    public void writeLine(byte[] bytes, int off, int len) throws IOException {
        write(bytes, off, len);
        write(CRLF, 0, 2);
    }

    private void spill() throws IOException {
        Path created = Files.createTempFile(spoolDir, "smtp-", ".msg");
        try {
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(created), 64 * 1024);
            out.write(memory, 0, memoryLength);
            file = created;
            fileOut = out;
            memory = null;
            memoryLength = 0;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(created);
            throw e;
        }
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public InputStream open() throws IOException {
        if (closed) {
            throw new IOException("message buffer closed");
        }
        if (fileOut != null) {
            fileOut.flush();
            return Files.newInputStream(file);
        }
        return new ByteArrayInputStream(memory, 0, memoryLength);
    }

    /** Whether the content went to a spool file. */
    public boolean spilled() {
        return file != null;
    }

    /** The spool file, or null while the content is in memory. For operators' diagnostics and tests. */
    public Path spoolFile() {
        return file;
    }

    /** Releases memory, deletes the spool file. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        memory = null;
        try {
            if (fileOut != null) {
                fileOut.close();
            }
        } catch (IOException e) {
            // The file is deleted next; a failed flush of content nobody will read is of no consequence.
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete spool file " + file, e);
                }
            }
        }
    }
}
