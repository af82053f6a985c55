package org.atrium.connector.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.atrium.connector.net.Line;
import org.atrium.connector.net.OctetAwareSession;
import org.atrium.connector.net.ProtocolSession;
import org.junit.jupiter.api.Test;

/**
 * The framer the handler picks: line sessions (SMTP, POP3) see every byte as lines exactly as before, with the limit
 * following the session line by line; an {@link OctetAwareSession} gets its literal octets raw (RFC 3501 §4.3).
 */
class LineProtocolHandlerFramingTest {

    private static class LineSession implements ProtocolSession {
        final List<String> events = new ArrayList<>();
        int maxLine = 8;
        Runnable onStartTls = () -> { };

        @Override
        public void onLine(Line line) {
            events.add(line.ending() + ":" + new String(line.bytes(), StandardCharsets.ISO_8859_1));
            if (line.text().equals("STARTTLS") || line.text().endsWith(" STARTTLS")) {
                onStartTls.run();
            }
            if (line.text().equals("DATA")) {
                maxLine = 100; // as SMTP raises the limit for text lines (RFC 5321 §4.5.3.1)
            }
        }

        @Override
        public void start() {
        }

        @Override
        public void onIdle() {
        }

        @Override
        public void onClose() {
        }

        @Override
        public int maxLineLength() {
            return maxLine;
        }

        @Override
        public int idleTimeoutSeconds() {
            return 0;
        }
    }

    private static final class OctetSession extends LineSession implements OctetAwareSession {
        long pending;

        @Override
        public void onLine(Line line) {
            super.onLine(line);
            if (line.text().endsWith("{3}")) {
                pending = 3;
            }
        }

        @Override
        public long pendingOctets() {
            return pending;
        }

        @Override
        public void onOctets(byte[] data, int off, int len) {
            events.add("OCTETS:" + new String(data, off, len, StandardCharsets.ISO_8859_1));
            pending -= len;
        }
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void lineSessionSeesBracesAsTextAndItsLimitLineByLine() {
        LineSession s = new LineSession();
        LineProtocolHandler.Input in = LineProtocolHandler.framer(s);
        in.feed(b("X {3}\r\na\nb\r\n123456789\r\nDATA\r\n123456789 long\r\n"));
        assertEquals(List.of("CRLF:X {3}", "BARE_LF:a", "CRLF:b", "TOO_LONG:12345678", "CRLF:DATA",
                "CRLF:123456789 long"), s.events);
    }

    @Test
    void octetAwareSessionGetsItsLiteralRaw() {
        OctetSession s = new OctetSession();
        LineProtocolHandler.Input in = LineProtocolHandler.framer(s);
        in.feed(b("X {3}\r\na\nb\r\n"));
        assertEquals(List.of("CRLF:X {3}", "OCTETS:a\nb", "CRLF:"), s.events);
    }

    /**
     * STARTTLS command injection (RFC 3207 §4.2, RFC 2595 §4, RFC 3501 §6.2.1): a session that switches to TLS while
     * handling a line discards through the framer; the rest of that read and the partial line never reach it.
     */
    @Test
    void lineSessionSeesNothingAfterTheStartTlsLineInTheSameRead() {
        LineSession s = new LineSession();
        s.maxLine = 100;
        LineProtocolHandler.Input in = LineProtocolHandler.framer(s);
        s.onStartTls = in::discard;
        in.feed(b("EHLO x\r\nSTARTTLS\r\nRSET\r\nMAIL FROM:<a@b>\r\npart"));
        assertEquals(List.of("CRLF:EHLO x", "CRLF:STARTTLS"), s.events);
        in.feed(b("EHLO y\r\n"));
        assertEquals(List.of("CRLF:EHLO x", "CRLF:STARTTLS", "CRLF:EHLO y"), s.events);
    }

    @Test
    void octetSessionSeesNothingAfterTheStartTlsLineNotEvenALiteral() {
        OctetSession s = new OctetSession();
        s.maxLine = 100;
        LineProtocolHandler.Input in = LineProtocolHandler.framer(s);
        s.onStartTls = in::discard;
        in.feed(b("a STARTTLS\r\nb LOGIN {3}\r\nabc x\r\nc NOOP\r\n"));
        assertEquals(List.of("CRLF:a STARTTLS"), s.events);
        in.feed(b("d CAPABILITY\r\n"));
        assertEquals(List.of("CRLF:a STARTTLS", "CRLF:d CAPABILITY"), s.events);
    }
}
