package org.atrium.connector.imap;

/**
 * Small text helpers shared by processors that answer in single lines (RFC 3501 §4.3 quoted strings, §9).
 *
 * <p>Mailbox names on the wire are printable US-ASCII (modified UTF-7) or, with UTF8=ACCEPT or IMAP4rev2 (RFC 9051
 * §5.1), UTF-8 without control characters, so a quoted string with {@code "} and {@code \} escaped always
 * represents them.
 */
final class ImapResponses {

    private ImapResponses() {
    }

    /** {@code "text"} with {@code "} and {@code \} escaped; control characters become {@code ?}. */
    static String quote(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return sb.append('"').toString();
    }

    /** A store path as the quoted mailbox name the client expects: modified UTF-7 unless {@link ImapContext#utf8}. */
    static String mailbox(String path, ImapContext ctx) {
        return quote(MailboxPaths.toWire(path, ctx.utf8()));
    }

    /** The store path a client's mailbox argument names. */
    static String path(MailboxName name, ImapContext ctx) throws org.atrium.connector.imap.port.MailboxException {
        return MailboxPaths.toPath(name, ctx.utf8());
    }
}
