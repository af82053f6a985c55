package org.atrium.connector.pop3;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;

/**
 * The part RETR and TOP share (RFC 1939 §5, §7): open the message, answer, stream it.
 *
 * <p>The message is opened before the {@code +OK} so that a store that cannot read it still gets a clean
 * {@code -ERR [SYS/TEMP]}. A failure once the multi-line reply has begun cannot be reported in the protocol, and a
 * truncated reply would leave the client waiting for the terminator, so the connection is closed instead; as with any
 * lost connection, nothing is expunged.
 */
final class MessageSender {

    private MessageSender() {
    }

    static void send(Pop3Session session, MaildropEntry entry, String status, long bodyLines) {
        InputStream in;
        try {
            in = session.maildrop().maildrop().open(entry);
        } catch (IOException e) {
            session.event(Level.WARNING, "cannot open message id=" + entry.id() + ": " + e);
            session.reply("-ERR [SYS/TEMP] message temporarily unavailable");
            return;
        }
        try (in) {
            session.output().send(status);
            MessageWriter.write(in, session.output(), bodyLines);
            session.output().flush();
        } catch (IOException e) {
            session.event(Level.WARNING, "reading message id=" + entry.id() + " failed mid-reply, closing: " + e);
            session.close();
        }
    }
}
