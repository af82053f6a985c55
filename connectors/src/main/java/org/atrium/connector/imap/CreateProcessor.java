package org.atrium.connector.imap;

import org.atrium.connector.imap.port.ImapMailStore;
import org.atrium.connector.imap.port.MailboxException;

/**
 * CREATE (RFC 3501 §6.3.3): a trailing hierarchy delimiter only declares the intent to create children, so it is
 * dropped; missing parents are created by the store. {@code NO [ALREADYEXISTS]} for an existing name, INBOX included.
 */
public final class CreateProcessor extends BaseProcessor<CreateRequest> {

    public CreateProcessor() {
        super("CREATE", CreateRequest.class, ImapState.AUTHENTICATED_OR_SELECTED);
    }

    @Override
    public void process(CreateRequest request, ImapContext ctx) throws MailboxException {
        String path = ImapResponses.path(request.mailbox(), ctx);
        while (path.length() > 1 && path.charAt(path.length() - 1) == ImapMailStore.DELIMITER) {
            path = path.substring(0, path.length() - 1);
        }
        ctx.store().create(ctx.requireAccount(), path);
        ctx.ok(request.tag(), "CREATE completed");
    }
}
