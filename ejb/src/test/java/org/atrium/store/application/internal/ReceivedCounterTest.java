package org.atrium.store.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReceivedCounterTest {

    private static int count(String message) throws IOException {
        return ReceivedCounter.count(new ByteArrayInputStream(message.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void countsReceivedFieldsOfTheHeaderSectionOnly() throws IOException {
        String m = "Received: from a by b; Tue, 1 Dec 2026 10:00:00 +0000\r\n"
                + "received: from c\r\n by d; Tue, 1 Dec 2026 10:00:00 +0000\r\n"
                + "RECEIVED : obsolete spacing before the colon\r\n"
                + "Received-SPF: pass\r\n"
                + "X-Received: by e\r\n"
                + "Subject: Received: not a field\r\n"
                + "\r\n"
                + "Received: from the body, not counted\r\n";
        assertEquals(3, count(m));
    }

    @Test
    void bareLineFeedsAndAMissingBodyWork() throws IOException {
        assertEquals(2, count("Received: x\nReceived: y\n\nReceived: z\n"));
        assertEquals(1, count("Received: only header, no line end"));
        assertEquals(0, count(""));
        assertEquals(0, count("\r\nReceived: body\r\n"));
    }

    @Test
    void fiftyOneHopsAreALoop() throws IOException {
        String fiftyOne = "Received: hop\r\n".repeat(51) + "Subject: x\r\n\r\nbody\r\n";
        assertEquals(51, count(fiftyOne));
        assertTrue(count(fiftyOne) > ReceivedCounter.MAX_HOPS);
        assertEquals(50, count("Received: hop\r\n".repeat(50) + "\r\n"));
    }

    @Test
    void aVeryLongFieldDoesNotConfuseTheCount() throws IOException {
        assertEquals(2, count("Received: " + "x".repeat(100_000) + "\r\nReceived: y\r\n\r\n"));
    }
}
