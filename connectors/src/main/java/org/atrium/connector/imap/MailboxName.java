package org.atrium.connector.imap;

import java.util.Locale;

/**
 * A mailbox name as a client sent it (RFC 3501 §5.1, §9 {@code mailbox = "INBOX" / astring}).
 *
 * <p>Invariant: INBOX in any case is stored as {@code INBOX} (RFC 3501 §5.1: "INBOX" is case-insensitive); every
 * other name is kept exactly, still in modified UTF-7 (RFC 3501 §5.1.3) unless the session enabled UTF8=ACCEPT
 * (RFC 6855), because decoding depends on that session state and belongs to the processor.
 */
public record MailboxName(String name) {

    public static final MailboxName INBOX = new MailboxName("INBOX");

    public MailboxName {
        if (name.equalsIgnoreCase("INBOX")) {
            name = "INBOX";
        }
    }

    public boolean isInbox() {
        return name.equals("INBOX");
    }

    /** Whether the name is INBOX in any case; for callers holding a raw string. */
    public static boolean isInbox(String raw) {
        return raw.toUpperCase(Locale.ROOT).equals("INBOX");
    }

    @Override
    public String toString() {
        return name;
    }
}
