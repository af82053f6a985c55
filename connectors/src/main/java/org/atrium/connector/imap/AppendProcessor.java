package org.atrium.connector.imap;

import java.util.LinkedHashSet;
import java.util.Set;
import org.atrium.connector.imap.port.AppendResult;
import org.atrium.connector.imap.port.MailboxException;

/**
 * APPEND (RFC 3501 §6.3.11) with APPENDUID (RFC 4315 §3). A message over the APPENDLIMIT (RFC 7889) never gets here:
 * the request reader refuses its literal with {@code NO [TOOBIG]} before the client sends it. A missing folder is
 * {@code NO [TRYCREATE]} (§6.3.11), a full quota {@code NO [OVERQUOTA]}; \Recent cannot be set (§2.3.2: it is the
 * server's).
 */
public final class AppendProcessor extends BaseProcessor<AppendRequest> {

    public AppendProcessor() {
        super("APPEND", AppendRequest.class, ImapState.AUTHENTICATED_OR_SELECTED);
    }

    @Override
    public void process(AppendRequest request, ImapContext ctx) throws MailboxException {
        if (request.binary() && !ctx.capabilities().contains("BINARY")) {
            // RFC 3516 §4.4: literal8 in APPEND belongs to BINARY, which is not advertised.
            ctx.bad(request.tag(), "literal8 requires the BINARY extension");
            return;
        }
        if (request.message().length > ctx.settings().maxAppendSize()) {
            ctx.no(request.tag(), "TOOBIG", "Message exceeds APPENDLIMIT");
            return;
        }
        Set<String> flags = new LinkedHashSet<>();
        for (String f : request.flags()) {
            if (f.equalsIgnoreCase(SelectedMailbox.RECENT)) {
                ctx.bad(request.tag(), "\\Recent cannot be set");
                return;
            }
            flags.add(f);
        }
        String path = ImapResponses.path(request.mailbox(), ctx);
        AppendResult r = ctx.store().append(ctx.requireAccount(), path, request.message(), flags,
                request.internalDate() == null ? null : request.internalDate().toInstant());
        ctx.ok(request.tag(), "APPENDUID " + r.uidValidity() + " " + r.uid(), "APPEND completed");
    }
}
