package org.atrium.connector.smtp;

import java.util.EnumMap;
import java.util.Map;

/** The immutable table from verb to handler, built once and shared by all sessions of a listener. */
final class SmtpCommands {

    private final Map<SmtpVerb, SmtpCommand> handlers;

    SmtpCommands() {
        Map<SmtpVerb, SmtpCommand> map = new EnumMap<>(SmtpVerb.class);
        map.put(SmtpVerb.EHLO, new EhloCommand());
        map.put(SmtpVerb.HELO, new HeloCommand());
        map.put(SmtpVerb.MAIL, new MailCommand());
        map.put(SmtpVerb.RCPT, new RcptCommand());
        map.put(SmtpVerb.DATA, new DataCommand());
        map.put(SmtpVerb.RSET, new RsetCommand());
        map.put(SmtpVerb.NOOP, new NoopCommand());
        map.put(SmtpVerb.QUIT, new QuitCommand());
        map.put(SmtpVerb.HELP, new HelpCommand());
        map.put(SmtpVerb.VRFY, new VrfyCommand());
        map.put(SmtpVerb.EXPN, new ExpnCommand());
        map.put(SmtpVerb.STARTTLS, new StartTlsCommand());
        map.put(SmtpVerb.AUTH, new AuthCommand());
        if (map.size() != SmtpVerb.values().length) {
            throw new IllegalStateException("a verb has no handler");
        }
        this.handlers = Map.copyOf(map);
    }

    SmtpCommand handler(SmtpVerb verb) {
        return handlers.get(verb);
    }
}
