package org.atrium.connector.pop3;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * QUIT (RFC 1939 §4, §6). In AUTHORIZATION it just signs off. In TRANSACTION it enters UPDATE, removes the marked
 * messages in one all-or-nothing call, and answers {@code -ERR [SYS/TEMP] some deleted messages not removed} if that
 * failed (RFC 1939 §6). Either way the maildrop lock is released before the reply, and the connection closed.
 */
final class QuitCommand implements Pop3Command {

    @Override
    public String verb() {
        return "QUIT";
    }

    @Override
    public void execute(Pop3Session session, Pop3Request request) {
        String host = session.settings().hostname();
        if (session.state() == Pop3State.AUTHORIZATION) {
            session.event(Level.INFO, "quit before login");
            session.reply("+OK " + host + " POP3 server signing off");
            session.close();
            return;
        }
        try {
            session.moveTo(Pop3State.UPDATE);
            SessionMaildrop md = session.maildrop();
            List<MaildropEntry> marked = md.marked();
            boolean removed = true;
            if (!marked.isEmpty()) {
                try {
                    md.maildrop().expunge(marked);
                } catch (IOException | RuntimeException e) {
                    removed = false;
                    session.event(Level.WARNING, "quit: expunge of " + marked.size() + " failed: " + e);
                }
            }
            session.releaseMaildrop(); // before the reply: see Pop3Session.releaseMaildrop
            if (removed) {
                session.event(Level.INFO, "quit deleted=" + marked.size());
                session.reply("+OK " + host + " POP3 server signing off (" + md.liveCount() + " messages left)");
            } else {
                session.reply("-ERR [SYS/TEMP] some deleted messages not removed");
            }
        } finally {
            session.close();
        }
    }
}
