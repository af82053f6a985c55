package org.atrium.connector.imap;

import java.util.function.Consumer;
import org.atrium.connector.imap.ImapRequestReader.Step;
import org.atrium.connector.net.Line;
import org.atrium.connector.net.LineAssembler;

/**
 * Frames a connection's raw input for IMAP: lines through a {@link LineAssembler}, literal octets straight to the
 * {@link ImapRequestReader}, switching between the two exactly where RFC 3501 §4.3 / RFC 7888 say a literal starts
 * and ends, whatever the fragmentation of the input.
 *
 * <p>Why a separate framer: {@link LineAssembler#feed} consumes a whole buffer, but a literal may start right after a
 * LF in the middle of one, so the buffer is handed to the assembler one line at a time and the switch happens between
 * lines. Steps go to the sink synchronously, before any later octet is looked at, so a session answering
 * {@link Step.NeedLiteral} with a continuation request, or a complete command with its response, keeps RFC 3501
 * ordering. After {@link Step.Fatal} all further input is dropped. Not thread-safe: one per connection, fed from its
 * worker thread.
 */
public final class ImapInputDecoder {

    private final ImapRequestReader reader;
    private final LineAssembler lines;
    private final Consumer<Step> sink;
    private boolean failed;

    /** @param sink receives every step but {@link Step.Continue}, in order */
    public ImapInputDecoder(ImapRequestLimits limits, Consumer<Step> sink) {
        this.reader = new ImapRequestReader(limits);
        this.sink = sink;
        this.lines = new LineAssembler(limits.maxLineLength(), this::onLine);
    }

    /** Whether input is being dropped after a fatal step. */
    public boolean failed() {
        return failed;
    }

    /** Whether a command is partly received (for idle handling and logs). */
    public boolean inCommand() {
        return reader.inCommand() || lines.pending() > 0;
    }

    public void feed(byte[] data, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end && !failed) {
            if (reader.expectsLiteral()) {
                int n = (int) Math.min(reader.remainingLiteralOctets(), end - i);
                deliver(reader.onLiteralBytes(data, i, n));
                i += n;
            } else {
                int stop = i;
                while (stop < end && data[stop] != '\n') {
                    stop++;
                }
                stop = stop < end ? stop + 1 : end;
                lines.feed(data, i, stop - i);
                i = stop;
            }
        }
    }

    private void onLine(Line line) {
        if (!failed) {
            deliver(reader.onLine(line));
        }
    }

    private void deliver(Step step) {
        if (step instanceof Step.Fatal) {
            failed = true;
        }
        if (!(step instanceof Step.Continue)) {
            sink.accept(step);
        }
    }
}
