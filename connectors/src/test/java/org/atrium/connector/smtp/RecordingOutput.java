package org.atrium.connector.smtp;

import java.util.ArrayList;
import java.util.List;
import org.atrium.connector.net.SessionOutput;

/** A {@link SessionOutput} that keeps what the session wrote, flushed or not. */
final class RecordingOutput implements SessionOutput {

    final List<String> lines = new ArrayList<>();
    int flushes;
    boolean closed;
    private int unflushed;

    @Override
    public void send(String line) {
        if (!closed) {
            lines.add(line);
            unflushed++;
        }
    }

    @Override
    public void sendRaw(byte[] bytes, int off, int len) {
        throw new AssertionError("SMTP server never sends raw bytes");
    }

    @Override
    public void flush() {
        flushes++;
        unflushed = 0;
    }

    @Override
    public void close() {
        closed = true;
        unflushed = 0;
    }

    /** Whether every line sent so far has been flushed. */
    boolean allFlushed() {
        return unflushed == 0;
    }

    /** Runs the task at once: the tests drive the session from one thread. */
    @Override
    public void post(Runnable task) {
        if (!closed) {
            task.run();
        }
    }
}
