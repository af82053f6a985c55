package org.atrium.connector.imap;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.atrium.connector.net.Line;

/**
 * Assembles complete IMAP commands from a connection's input, which is a sequence of lines and literals
 * (RFC 3501 §2.2, §4.3, §7.5; RFC 9051 §4.3; LITERAL+ RFC 7888; literal8 RFC 3516).
 *
 * <p>The host feeds lines with {@link #onLine} while the reader expects lines, and raw octets with
 * {@link #onLiteralBytes} after a {@link Step.NeedLiteral} (or a rejection that asks to discard octets), for exactly
 * the number of octets announced. The reader never writes anything: each {@link Step} says what the session answers.
 *
 * <p>Invariants: at most {@link ImapRequestLimits#maxCommandSize()} octets of one command are ever buffered, and a
 * literal's buffer grows with the octets actually received, never with the count a client claims. A rejected command
 * whose rest the client sends anyway (a non-synchronizing literal, RFC 7888 §4) is read and dropped up to its end, so
 * literal data is never taken for commands. An over-long line is fatal: its cut-off tail may have announced a literal,
 * so the stream can no longer be split safely.
 *
 * <p>Not part of this reader: SASL responses of AUTHENTICATE and the {@code DONE} of IDLE are continuation lines the
 * session reads itself. Not thread-safe: one reader per connection, driven from its worker thread.
 */
public final class ImapRequestReader {

    /** What the session does after one input event. */
    public sealed interface Step {

        /** More input is needed; nothing to send. */
        Step CONTINUE = new Continue();

        /** A whole command arrived. */
        record Complete(ImapCommandLine command) implements Step {
        }

        /**
         * A literal follows. When {@code synchronizing}, the session sends {@code + Ready for literal data}
         * (RFC 3501 §7.5) before the client sends it; then the host feeds exactly {@code octets} raw octets (none when
         * zero) and returns to lines.
         */
        record NeedLiteral(long octets, boolean synchronizing) implements Step {
        }

        /** Nothing to do yet. */
        record Continue() implements Step {
        }

        /**
         * The command is malformed: the session sends {@code tag BAD message}. If {@code discardOctets} is positive the
         * client is already sending a non-synchronizing literal: the host feeds that many octets (dropped) and then
         * lines, and the reader drops the rest of the command.
         *
         * @param tag the command's tag, or {@code "*"} when it could not be read
         */
        record Bad(String tag, String message, long discardOctets) implements Step {
        }

        /**
         * A literal exceeds the limits: the session answers {@code tag NO [TOOBIG] ...} (RFC 9051 §7.1, RFC 7889).
         * For a synchronizing literal nothing was sent, the continuation must not be sent, and lines follow. For a
         * non-synchronizing one the client is sending it: the host feeds {@link #discardOctets()} octets, which are
         * dropped together with the rest of the command.
         */
        record TooBig(String tag, long octets, boolean synchronizing) implements Step {
            public long discardOctets() {
                return synchronizing ? 0 : octets;
            }
        }

        /** The input can no longer be framed: the session sends {@code * BYE message} and closes. */
        record Fatal(String message) implements Step {
        }
    }

    private enum Mode { LINE, LITERAL }

    private final ImapRequestLimits limits;
    private Mode mode = Mode.LINE;
    private String tag;
    private String name;
    private final List<byte[]> segments = new ArrayList<>();
    private final List<ImapCommandLine.Literal> literals = new ArrayList<>();
    private long total;
    private byte[] literal;
    private int literalFill;
    private long literalRemaining;
    private boolean literalBinary;
    /** The current literal is read only to be dropped, and so is the rest of the command. */
    private boolean discarding;

    public ImapRequestReader(ImapRequestLimits limits) {
        this.limits = limits;
    }

    /** Whether the reader waits for literal octets rather than a line. */
    public boolean expectsLiteral() {
        return mode == Mode.LITERAL;
    }

    /** Literal octets still expected. */
    public long remainingLiteralOctets() {
        return mode == Mode.LITERAL ? literalRemaining : 0;
    }

    /** Whether a command has started and not ended. */
    public boolean inCommand() {
        return tag != null || discarding;
    }

    /** One line as framed by the host, without its terminator. */
    public Step onLine(Line line) {
        if (mode == Mode.LITERAL) {
            throw new IllegalStateException("literal octets expected, got a line");
        }
        if (line.ending() == Line.Ending.TOO_LONG || line.length() > limits.maxLineLength()) {
            reset();
            return new Step.Fatal("Command line too long");
        }
        byte[] bytes = line.bytes();
        Marker marker = Marker.find(bytes);
        if (discarding) {
            return continueDiscarding(marker);
        }
        int end = marker == null ? bytes.length : marker.start;
        int argStart = 0;
        if (tag == null) {
            if (bytes.length == 0) {
                return Step.CONTINUE; // RFC 9051 §2.2 has no empty command; tolerated as many servers do
            }
            int sp = indexOf(bytes, (byte) ' ', 0, end);
            String t = ascii(bytes, 0, sp < 0 ? end : sp);
            if (!validTag(t)) {
                return reject("*", "Invalid tag", marker);
            }
            if (sp < 0) {
                return reject(t, "Missing command", marker);
            }
            int nameEnd = indexOf(bytes, (byte) ' ', sp + 1, end);
            nameEnd = nameEnd < 0 ? end : nameEnd;
            String n = ascii(bytes, sp + 1, nameEnd);
            if (!validName(n)) {
                return reject(t, "Invalid command name", marker);
            }
            tag = t;
            name = n.toUpperCase(Locale.ROOT);
            argStart = nameEnd;
        }
        total += bytes.length + 2;
        if (total > limits.maxCommandSize()) {
            return reject(tag, "Command too long", marker);
        }
        segments.add(Arrays.copyOfRange(bytes, argStart, end));
        if (marker == null) {
            ImapCommandLine command = new ImapCommandLine(tag, name, segments, literals);
            reset();
            return new Step.Complete(command);
        }
        if (!marker.valid) {
            return reject(tag, "Invalid literal count", null);
        }
        if (literals.size() >= limits.maxLiterals()) {
            return reject(tag, "Too many literals", marker);
        }
        if (marker.octets > limits.maxLiteral(name) || total + marker.octets > limits.maxCommandSize()) {
            Step step = new Step.TooBig(tag, marker.octets, marker.synchronizing);
            resetAndDiscard(marker);
            return step;
        }
        literalBinary = marker.binary;
        literalRemaining = marker.octets;
        literalFill = 0;
        literal = new byte[(int) Math.min(marker.octets, 8192)];
        total += marker.octets;
        if (marker.octets == 0) {
            literals.add(new ImapCommandLine.Literal(new byte[0], literalBinary));
        } else {
            mode = Mode.LITERAL;
        }
        return new Step.NeedLiteral(marker.octets, marker.synchronizing);
    }

    /** Octets of the literal announced last; {@code len} must not exceed {@link #remainingLiteralOctets()}. */
    public Step onLiteralBytes(byte[] data, int off, int len) {
        if (mode != Mode.LITERAL) {
            throw new IllegalStateException("no literal expected");
        }
        if (len < 0 || len > literalRemaining) {
            throw new IllegalArgumentException("more octets than the literal holds");
        }
        literalRemaining -= len;
        if (!discarding) {
            if (literalFill + len > literal.length) {
                long want = Math.max((long) literal.length * 2, (long) literalFill + len);
                literal = Arrays.copyOf(literal, (int) Math.min(want, literalFill + len + literalRemaining));
            }
            System.arraycopy(data, off, literal, literalFill, len);
            literalFill += len;
        }
        if (literalRemaining == 0) {
            mode = Mode.LINE;
            if (!discarding) {
                literals.add(new ImapCommandLine.Literal(literal, literalBinary));
            }
            literal = null;
        }
        return Step.CONTINUE;
    }

    private Step continueDiscarding(Marker marker) {
        if (marker != null && marker.valid && !marker.synchronizing && marker.octets > 0) {
            mode = Mode.LITERAL;
            literalRemaining = marker.octets;
            return new Step.NeedLiteral(marker.octets, false);
        }
        // A synchronizing literal waits for a continuation that is never sent: the command ends here for both sides.
        if (marker == null || !marker.valid || marker.synchronizing) {
            discarding = false;
        }
        return Step.CONTINUE;
    }

    private Step reject(String t, String message, Marker marker) {
        long discard = marker != null && marker.valid && !marker.synchronizing ? marker.octets : 0;
        resetAndDiscard(marker);
        return new Step.Bad(t, message, discard);
    }

    private void resetAndDiscard(Marker marker) {
        reset();
        if (marker != null && marker.valid && !marker.synchronizing) {
            discarding = true;
            if (marker.octets > 0) {
                mode = Mode.LITERAL;
                literalRemaining = marker.octets;
            }
        }
    }

    private void reset() {
        tag = null;
        name = null;
        segments.clear();
        literals.clear();
        total = 0;
        literal = null;
        literalFill = 0;
        literalRemaining = 0;
        discarding = false;
        mode = Mode.LINE;
    }

    /** RFC 3501 §9: {@code tag = 1*<any ASTRING-CHAR except "+">}. */
    static boolean validTag(String t) {
        if (t.isEmpty()) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '+' || !(ImapArgumentParser.isAtomChar(c) || c == ']')) {
                return false;
            }
        }
        return true;
    }

    private static boolean validName(String n) {
        if (n.isEmpty() || n.length() > 64) {
            return false;
        }
        for (int i = 0; i < n.length(); i++) {
            if (!ImapArgumentParser.isAtomChar(n.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, byte x, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    private static String ascii(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /**
     * A literal announcement at the end of a line: {@code {n}}, {@code {n+}}, {@code ~{n}}, {@code ~{n+}}.
     *
     * <p>A line ending in {@code }} whose last {@code {} starts a token (after SP, {@code (} or at the start) can only
     * be a literal marker; if its count is not a decimal number64 the marker is {@code valid == false}. Other lines
     * ending in {@code }} (an atom such as {@code a}} is legal) have no marker.
     */
    private record Marker(int start, long octets, boolean synchronizing, boolean binary, boolean valid) {

        static Marker find(byte[] b) {
            int n = b.length;
            if (n < 2 || b[n - 1] != '}') {
                return null;
            }
            int open = n - 2;
            while (open >= 0 && b[open] != '{') {
                open--;
            }
            if (open < 0) {
                return null;
            }
            boolean binary = open > 0 && b[open - 1] == '~';
            int start = binary ? open - 1 : open;
            if (start > 0 && b[start - 1] != ' ' && b[start - 1] != '(') {
                return null;
            }
            int digitsEnd = n - 1;
            boolean sync = true;
            if (b[digitsEnd - 1] == '+') {
                sync = false;
                digitsEnd--;
            }
            int digits = digitsEnd - (open + 1);
            if (digits < 1 || digits > 19) {
                return new Marker(start, 0, sync, binary, false);
            }
            long value = 0;
            for (int i = open + 1; i < digitsEnd; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    return new Marker(start, 0, sync, binary, false);
                }
                if (value > (Long.MAX_VALUE - d) / 10) {
                    return new Marker(start, 0, sync, binary, false);
                }
                value = value * 10 + d;
            }
            return new Marker(start, value, sync, binary, true);
        }
    }
}
