package org.atrium.connector.smtp;

import java.util.ArrayList;
import java.util.List;

/**
 * EHLO (RFC 5321 §4.1.1.1): names the client, opens the extended service and lists the extensions; resets any
 * transaction (§4.1.4). The reply carries no enhanced status code, as RFC 2034 §4 exempts EHLO/HELO replies.
 */
final class EhloCommand implements SmtpCommand {

    @Override
    public void execute(SmtpSession session, String argument) {
        String name = HeloCommand.clientName(argument);
        if (name == null) {
            session.reply(501, "5.5.4", "Syntax: EHLO hostname");
            return;
        }
        session.greeted(name, true);
        List<String> lines = new ArrayList<>();
        lines.add(session.settings().hostname());
        lines.addAll(session.ehloKeywords());
        session.reply(new SmtpReply(250, null, lines));
    }
}
