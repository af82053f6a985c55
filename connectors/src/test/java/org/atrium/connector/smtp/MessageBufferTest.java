package org.atrium.connector.smtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageBufferTest {

    @TempDir
    Path spool;

    private static byte[] read(MessageBuffer b) throws IOException {
        try (InputStream in = b.open()) {
            return in.readAllBytes();
        }
    }

    @Test
    void staysInMemoryUpToThreshold() throws Exception {
        try (MessageBuffer b = new MessageBuffer(spool, 8)) {
            b.writeLine("abc".getBytes(StandardCharsets.US_ASCII), 0, 3);
            b.writeLine("xyz".getBytes(StandardCharsets.US_ASCII), 0, 1);
            assertFalse(b.spilled());
            assertEquals(8, b.size());
            assertArrayEquals("abc\r\nx\r\n".getBytes(StandardCharsets.US_ASCII), read(b));
            assertArrayEquals(read(b), read(b), "open() more than once");
        }
    }

    @Test
    void spillsPastThresholdAndDeletesOnClose() throws Exception {
        MessageBuffer b = new MessageBuffer(spool, 8);
        byte[] line = "0123456789".getBytes(StandardCharsets.US_ASCII);
        b.writeLine(line, 0, 4);
        b.writeLine(line, 0, 10);
        assertTrue(b.spilled());
        Path file = b.spoolFile();
        assertTrue(Files.exists(file));
        assertEquals(18, b.size());
        assertArrayEquals("0123\r\n0123456789\r\n".getBytes(StandardCharsets.US_ASCII), read(b));
        b.writeLine(line, 0, 1);
        assertEquals("0123\r\n0123456789\r\n0\r\n", new String(read(b), StandardCharsets.US_ASCII),
                "reads see writes made after an earlier open()");
        b.close();
        assertFalse(Files.exists(file));
        assertThrows(IOException.class, b::open);
        b.close();
    }
}
