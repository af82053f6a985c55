package org.atrium.connector.pop3;

import java.util.ArrayList;
import java.util.List;

/**
 * CAPA (RFC 2449 §5), valid in AUTHORIZATION and TRANSACTION.
 *
 * <p>The list is computed per call from the session, because capabilities depend on it: STLS is listed only while the
 * connection may still switch to TLS (RFC 2595 §4), and SASL mechanisms will be listed only where they may be used.
 * LOGIN-DELAY is not announced: there is no delay to announce, and RFC 2449 §6.5 makes it optional. EXPIRE NEVER
 * (§6.7) promises that the server never removes messages on its own; it holds while the store has no retention
 * policy for INBOX.
 */
final class CapaCommand implements Pop3Command {

    @Override
    public String verb() {
        return "CAPA";
    }

    @Override
    public void execute(Pop3Session session, Pop3Request request) {
        session.replyMultiLine("+OK capability list follows", capabilities(session));
    }

    static List<String> capabilities(Pop3Session session) {
        List<String> caps = new ArrayList<>();
        caps.add("TOP");
        caps.add("USER");
        caps.add("UIDL");
        caps.add("RESP-CODES");
        // RFC 3206 §3: [AUTH] and [SYS/*] on authentication failures.
        caps.add("AUTH-RESP-CODE");
        // Each line is answered in order and nothing reads ahead, so a batch of commands is safe (RFC 2449 §6.6).
        caps.add("PIPELINING");
        caps.add("EXPIRE NEVER");
        caps.add("IMPLEMENTATION " + session.settings().implementation());
        if (session.state() == Pop3State.AUTHORIZATION && session.stlsOffered()) {
            caps.add("STLS");
        }
        return List.copyOf(caps);
    }
}
