package org.atrium.connector.net;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link SessionOutput} for session tests (SMTP, POP3, IMAP): records what a session writes, byte for byte, as the
 * peer would receive it, and runs posted tasks at once because the tests drive the session from one thread.
 *
 * <p>Invariants: nothing is recorded after {@link #close()}; {@link #allFlushed()} is true when every write since the
 * last flush (or the close, which flushes) has been flushed.
 */
public class RecordingOutput implements SessionOutput {

    private final ByteArrayOutputStream wire = new ByteArrayOutputStream();
    private final String rawRefusal;
    private int drained;
    private int largestRawWrite;
    private int flushes;
    private int unflushed;
    private boolean closed;
    private boolean tlsAvailable;
    private int tlsSwitches;
    private boolean switchPending;

    /** An output that records raw writes (literals, message bodies) as well as lines. */
    public RecordingOutput() {
        this(null);
    }

    private RecordingOutput(String rawRefusal) {
        this.rawRefusal = rawRefusal;
    }

    /**
     * An output for a protocol that only ever writes lines: a raw write fails the test with {@code why}.
     */
    public static RecordingOutput linesOnly(String why) {
        return new RecordingOutput(why);
    }

    @Override
    public void send(String line) {
        if (!closed) {
            wire.writeBytes((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            unflushed++;
        }
    }

    @Override
    public void sendRaw(byte[] bytes, int off, int len) {
        if (rawRefusal != null) {
            throw new AssertionError(rawRefusal);
        }
        largestRawWrite = Math.max(largestRawWrite, len);
        if (!closed) {
            wire.write(bytes, off, len);
            unflushed++;
        }
    }

    @Override
    public void flush() {
        flushes++;
        unflushed = 0;
        if (switchPending) {
            switchPending = false;
            tlsSwitches++;
        }
    }

    @Override
    public void close() {
        closed = true;
        unflushed = 0;
    }

    /** Runs the task at once: the tests drive the session from one thread. */
    @Override
    public void post(Runnable task) {
        if (!closed) {
            task.run();
        }
    }

    @Override
    public boolean startTlsAvailable() {
        return tlsAvailable && tlsSwitches == 0 && !switchPending && !closed;
    }

    /**
     * Records the switch, which takes effect at the next flush (after the session's plaintext reply); nothing may be
     * left unflushed from before, since it would go out with that reply.
     */
    @Override
    public void startTls() {
        if (!startTlsAvailable()) {
            throw new IllegalStateException("STARTTLS is not available");
        }
        if (unflushed != 0) {
            throw new AssertionError("output queued before STARTTLS was not flushed");
        }
        switchPending = true;
    }

    /** Makes {@link #startTlsAvailable()} true until the first switch, as on a plain listener with a TLS context. */
    public RecordingOutput withTls() {
        tlsAvailable = true;
        return this;
    }

    /** How many times the session switched the connection to TLS (counted at the flush that does it). */
    public int tlsSwitches() {
        return tlsSwitches;
    }

    public boolean closed() {
        return closed;
    }

    public int flushes() {
        return flushes;
    }

    /** Whether every write so far has been flushed. */
    public boolean allFlushed() {
        return unflushed == 0;
    }

    public int largestRawWrite() {
        return largestRawWrite;
    }

    /** Everything sent so far, decoded as ISO-8859-1 so every byte survives. */
    public String wire() {
        return wire.toString(StandardCharsets.ISO_8859_1);
    }

    /** The CRLF-terminated lines sent since the last call. */
    public List<String> drainLines() {
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
}
