package org.atrium.connector.pop3;

import java.util.ArrayList;
import java.util.List;

/**
 * LIST [msg] (RFC 1939 §5): the scan listing "n size". The multi-line form skips messages marked deleted; the single
 * form refuses them, as it refuses numbers out of range.
 */
final class ListCommand implements Pop3Command {

    @Override
    public String verb() {
        return "LIST";
    }

    @Override
    public int maxArguments() {
        return 1;
    }

    @Override
    public void execute(Pop3Session session, Pop3Request request) {
        SessionMaildrop md = session.maildrop();
        if (request.arguments().isEmpty()) {
            List<String> lines = new ArrayList<>();
            for (int n = 1; n <= md.size(); n++) {
                if (!md.isDeleted(n)) {
                    lines.add(n + " " + md.entry(n).size());
                }
            }
            session.replyMultiLine("+OK " + md.liveCount() + " messages (" + md.liveOctets() + " octets)", lines);
            return;
        }
        session.message(request.argument(0))
                .ifPresent(m -> session.reply("+OK " + m.number() + " " + m.entry().size()));
    }
}
