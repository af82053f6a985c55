package org.atrium.store.application.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the {@code Received:} trace fields of a message's header section, for loop detection (RFC 5321 §6.3: a
 * message that has passed through more than a certain number of relays, e.g. 100, or fewer, is looping). Reads only
 * the header section, up to a limit, never the body.
 */
public final class ReceivedCounter {

    /** More than this many Received fields: the message is looping and is not relayed again. */
    public static final int MAX_HOPS = 50;

    /** A header section longer than this is not read further (the fields counted so far stand). */
    static final int MAX_HEADER_BYTES = 1 << 20;

    private static final byte[] NAME = "received".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private ReceivedCounter() {
    }

    /** The number of {@code Received} fields before the first empty line. */
    public static int count(InputStream in) throws IOException {
        int count = 0;
        byte[] line = new byte[NAME.length + 8];
        int len = 0; // bytes of the current line kept in 'line' (only its start matters)
        int read = 0;
        boolean lineStart = true;
        int b;
        while (read < MAX_HEADER_BYTES && (b = in.read()) != -1) {
            read++;
            if (b == '\n') {
                if (isEmpty(line, len)) {
                    break; // end of the header section
                }
                if (isReceived(line, len)) {
                    count++;
                }
                len = 0;
                lineStart = true;
                continue;
            }
            lineStart = false;
            if (len < line.length) {
                line[len++] = (byte) b;
            }
        }
        if (!lineStart && isReceived(line, len)) {
            count++; // a last header line without line end
        }
        return count;
    }

    private static boolean isEmpty(byte[] line, int len) {
        return len == 0 || (len == 1 && line[0] == '\r');
    }

    /** "Received" then optional white space then ':' (RFC 5322 §3.6.7, §4.5.3 obsolete WSP before the colon). */
    private static boolean isReceived(byte[] line, int len) {
        if (len <= NAME.length) {
            return false;
        }
        for (int i = 0; i < NAME.length; i++) {
            if (Character.toLowerCase(line[i]) != NAME[i]) {
                return false;
            }
        }
        for (int i = NAME.length; i < len; i++) {
            if (line[i] == ':') {
                return true;
            }
            if (line[i] != ' ' && line[i] != '\t') {
                return false;
            }
        }
        return false;
    }
}
