package org.atrium.connector.smtp;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * EXPN (RFC 5321 §3.5.2, §4.1.1.7). By default refused by policy: it is not in the §4.5.1 minimum set, and expanding
 * lists would hand out their membership (§7.3). The answer is then the reply code §4.2.4 defines for a command the
 * server does not offer, {@code 502 5.5.1}, which, unlike 250 or 550, cannot be mistaken for a verification result.
 * Not counted as a protocol error: the command is well-formed.
 *
 * <p>When the administrator turns it on ({@link SmtpSettings#expnEnabled()}), the store expands the list
 * ({@link MailIntake#expand}) and the members come back as a multi-line 250, one {@code Name <addr>} or
 * {@code <addr>} per line (§3.5.2); an address that is not a list here is {@code 550 5.1.1}.
 */
final class ExpnCommand implements SmtpCommand {

    @Override
    public void execute(SmtpSession session, String argument) {
        if (!session.settings().expnEnabled()) {
            session.reply(502, "5.5.1", "EXPN disabled by policy");
            return;
        }
        String arg = argument.strip();
        if (arg.isEmpty()) {
            session.reply(501, "5.5.4", "Syntax: EXPN list");
            return;
        }
        SmtpPath path;
        try {
            path = SmtpPath.parse(arg.startsWith("<") ? arg : "<" + arg + ">", false, false).path();
        } catch (SmtpPath.SyntaxException e) {
            session.reply(501, "5.5.4", "Syntax: EXPN list address");
            return;
        }
        List<String> members;
        try {
            members = session.intake().expand(path.address());
        } catch (RuntimeException e) {
            session.log(Level.ERROR, "expn-error", "list=" + path + " outcome=451", e);
            session.reply(451, "4.3.0", "Temporary lookup failure");
            return;
        }
        if (members == null || members.isEmpty()) {
            session.log(Level.INFO, "expn-refused", "list=" + path + " outcome=550");
            session.reply(550, "5.1.1", path + ": Not a mailing list here");
            return;
        }
        List<String> lines = new ArrayList<>(members.size());
        for (String member : members) {
            lines.add(line(member));
        }
        session.log(Level.INFO, "expn", "list=" + path + " members=" + lines.size() + " outcome=250");
        session.reply(new SmtpReply(250, "2.1.5", lines));
    }

    /** {@code Name <addr>} as given, a bare address put in brackets; controls removed so a reply line stays one. */
    static String line(String member) {
        String clean = member.strip().replaceAll("[\\x00-\\x1F\\x7F]", "");
        return clean.endsWith(">") ? clean : "<" + clean + ">";
    }
}
