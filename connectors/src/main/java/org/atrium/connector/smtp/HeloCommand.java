package org.atrium.connector.smtp;

/**
 * HELO (RFC 5321 §4.1.1.1): the pre-extension greeting; no ESMTP parameters are accepted after it, and the Received
 * header says "with SMTP". Resets any transaction (§4.1.4).
 */
final class HeloCommand implements SmtpCommand {

    @Override
    public void execute(SmtpSession session, String argument) {
        String name = clientName(argument);
        if (name == null) {
            session.reply(501, "5.5.4", "Syntax: HELO hostname");
            return;
        }
        session.greeted(name, false);
        session.reply(SmtpReply.of(250, null, session.settings().hostname()));
    }

    /**
     * The client's name: the first word of the argument. RFC 5321 §4.1.4 forbids refusing a mail because the name
     * does not match the client's address, and real clients send bare host names ("localhost", "MY_PC"), so any
     * printable ASCII word is taken. Parentheses, controls and non-ASCII are refused because the name goes into the
     * Received header, where they would break its comment syntax or inject text.
     *
     * @return the name, or null if there is none or it has such characters
     */
    static String clientName(String argument) {
        String trimmed = argument.strip();
        int space = trimmed.indexOf(' ');
        String name = space < 0 ? trimmed : trimmed.substring(0, space);
        if (name.isEmpty() || name.length() > 255) {
            return null;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c > '~' || c == '(' || c == ')' || c == '\\') {
                return null;
            }
        }
        return name;
    }
}
