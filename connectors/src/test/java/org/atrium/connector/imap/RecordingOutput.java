package org.atrium.connector.imap;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.atrium.connector.net.SessionOutput;

/** Records what a session writes, byte for byte, as the peer would receive it. */
class RecordingOutput implements SessionOutput {

    private final ByteArrayOutputStream wire = new ByteArrayOutputStream();
    private int drained;
    private int largestRawWrite;
    private int flushes;
    private boolean closed;

    @Override
    public void send(String line) {
        if (!closed) {
            wire.writeBytes((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void sendRaw(byte[] bytes, int off, int len) {
        largestRawWrite = Math.max(largestRawWrite, len);
        if (!closed) {
            wire.write(bytes, off, len);
        }
    }

    @Override
    public void flush() {
        flushes++;
    }

    @Override
    public void close() {
        closed = true;
    }

    boolean closed() {
        return closed;
    }

    int flushes() {
        return flushes;
    }

    int largestRawWrite() {
        return largestRawWrite;
    }

    /** Everything sent so far, decoded as ISO-8859-1 so every byte survives. */
    String wire() {
        return wire.toString(StandardCharsets.ISO_8859_1);
    }

    /** The CRLF-terminated lines sent since the last call. */
    List<String> drainLines() {
        String all = wire();
        String fresh = all.substring(drained);
        drained = all.length();
        if (fresh.isEmpty()) {
            return List.of();
        }
        if (!fresh.endsWith("\r\n")) {
            throw new AssertionError("output does not end with CRLF: " + fresh);
        }
        return new ArrayList<>(Arrays.asList(fresh.substring(0, fresh.length() - 2).split("\r\n", -1)));
    }

    /** Runs the task at once: the tests drive the session from one thread. */
    @Override
    public void post(Runnable task) {
        if (!closed) {
            task.run();
        }
    }
}
