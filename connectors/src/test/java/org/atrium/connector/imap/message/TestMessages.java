package org.atrium.connector.imap.message;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.atrium.connector.mime.MessageParser;
import org.atrium.connector.mime.ParsedMessage;

/** Test messages: the MIME samples of {@code /mime/*.eml} and inline texts, parsed as at delivery. */
final class TestMessages {

    private TestMessages() {
    }

    static byte[] sample(String name) {
        try (InputStream in = TestMessages.class.getResourceAsStream("/mime/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines joined with CRLF. */
    static byte[] crlf(String... lines) {
        return String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    static ParsedMessage parse(byte[] raw) {
        try {
            return new MessageParser().parse(new ByteArrayInputStream(raw));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String ascii(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
