package org.atrium.connector.smtp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.atrium.connector.smtp.client.SmtpReplyReader.Reply;
import org.junit.jupiter.api.Test;

/** Reply parsing (RFC 5321 §4.2) and its limits. */
class SmtpReplyReaderTest {

    private static SmtpReplyReader reader(String s) {
        return new SmtpReplyReader(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void multiLineEhloReplyAndKeywords() throws IOException {
        SmtpReplyReader r = reader("250-mx.example hello\r\n250-PIPELINING\r\n250-SIZE 1000\r\n250 DSN\r\n221\r\n");
        Reply ehlo = r.read();
        assertEquals(250, ehlo.code());
        assertEquals(List.of("mx.example hello", "PIPELINING", "SIZE 1000", "DSN"), ehlo.lines());
        assertTrue(ehlo.hasKeyword("DSN"));
        assertEquals("1000", ehlo.keywordParam("SIZE"));
        assertEquals("", ehlo.keywordParam("PIPELINING"));
        assertEquals(null, ehlo.keywordParam("STARTTLS"));
        assertEquals("221", r.read().toString(), "a bare code is a reply");
        assertThrows(EOFException.class, r::read);
    }

    @Test
    void limitsAndMalformedLines() {
        assertThrows(ProtocolException.class,
                () -> reader("250 " + "x".repeat(SmtpReplyReader.MAX_LINE) + "\r\n").read());
        assertThrows(ProtocolException.class,
                () -> reader("250-x\r\n".repeat(SmtpReplyReader.MAX_LINES) + "250 x\r\n").read());
        assertThrows(ProtocolException.class, () -> reader("hello\r\n").read());
        assertThrows(ProtocolException.class, () -> reader("250-a\r\n251 b\r\n").read());
    }

    @Test
    void sizeKeyword() {
        assertEquals(0, SmtpRelayClient.parseSize(""));
        assertEquals(0, SmtpRelayClient.parseSize(null));
        assertEquals(52428800, SmtpRelayClient.parseSize("52428800"));
    }
}
