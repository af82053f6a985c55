package org.atrium.connector.imap;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.atrium.connector.imap.port.MailboxException;

/**
 * Converts between mailbox names on the wire and store paths: modified UTF-7 (RFC 3501 §5.1.3) unless the client
 * enabled UTF8=ACCEPT (RFC 6855 §3), when names travel as UTF-8.
 *
 * <p>Invariants: {@code toPath(toWire(p)) == p} for every path; a name that is not valid modified UTF-7 (a shift
 * sequence that is unterminated, not base64, of odd length, or encodes printable ASCII) is refused with
 * {@code NO [CANNOT]} rather than guessed at.
 */
public final class MailboxPaths {

    private static final Base64.Decoder DECODER = Base64.getDecoder();
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

    private MailboxPaths() {
    }

    /** The store path a client's mailbox argument names. */
    public static String toPath(MailboxName name, boolean utf8) throws MailboxException {
        return utf8 ? name.name() : decode(name.name());
    }

    /** The name as sent to the client in LIST, STATUS and the like. */
    public static String toWire(String path, boolean utf8) {
        return utf8 ? path : encode(path);
    }

    static String encode(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '&') {
                sb.append("&-");
                i++;
            } else if (c >= 0x20 && c <= 0x7e) {
                sb.append(c);
                i++;
            } else {
                int j = i;
                while (j < s.length() && (s.charAt(j) < 0x20 || s.charAt(j) > 0x7e)) {
                    j++;
                }
                byte[] utf16 = s.substring(i, j).getBytes(StandardCharsets.UTF_16BE);
                sb.append('&').append(ENCODER.encodeToString(utf16).replace('/', ',')).append('-');
                i = j;
            }
        }
        return sb.toString();
    }

    static String decode(String s) throws MailboxException {
        StringBuilder sb = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c > 0x7e || c < 0x20) {
                throw invalid();
            }
            if (c != '&') {
                sb.append(c);
                i++;
                continue;
            }
            int end = s.indexOf('-', i + 1);
            if (end < 0) {
                throw invalid();
            }
            if (end == i + 1) {
                sb.append('&');
            } else {
                String b64 = s.substring(i + 1, end).replace(',', '/');
                byte[] utf16;
                try {
                    utf16 = DECODER.decode(b64);
                } catch (IllegalArgumentException e) {
                    throw invalid();
                }
                if (utf16.length % 2 != 0 || b64.indexOf('=') >= 0) {
                    throw invalid();
                }
                String decoded = StandardCharsets.UTF_16BE.decode(ByteBuffer.wrap(utf16)).toString();
                for (int k = 0; k < decoded.length(); k++) {
                    char d = decoded.charAt(k);
                    if (d >= 0x20 && d <= 0x7e) {
                        throw invalid(); // RFC 3501 §5.1.3: printable US-ASCII must represent itself
                    }
                }
                sb.append(decoded);
            }
            i = end + 1;
        }
        return sb.toString();
    }

    private static MailboxException invalid() {
        return new MailboxException(MailboxException.Code.CANNOT, "Invalid modified UTF-7 mailbox name");
    }
}
