package org.atrium.connector.imap;

import java.util.List;

/**
 * The processors of the connection, authentication and mailbox commands (RFC 3501 §6.1-§6.3, §6.4.1-§6.4.2 and the
 * extensions of those states). Message commands are in {@link MessageProcessors}.
 */
final class SessionProcessors {

    private SessionProcessors() {
    }

    static List<ImapProcessor<?>> all() {
        return List.of(new CapabilityProcessor(), new NoopProcessor(), new LogoutProcessor(), new LoginProcessor(),
                new SelectProcessor(), new ExamineProcessor());
    }
}
