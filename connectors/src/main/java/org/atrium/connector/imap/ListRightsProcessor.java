package org.atrium.connector.imap;

import java.util.Optional;
import org.atrium.connector.imap.port.MailboxException;

/**
 * LISTRIGHTS (RFC 4314 §3.4, response §3.7): the owner of a mailbox always has every right, so for the owner the
 * required set is all of {@link AclRights#ALL} and nothing is optional; any other identifier has no required right
 * and may be granted each right independently, so every right is its own optional group. Needs the {@code a} right:
 * {@code NO [NOPERM]} otherwise.
 *
 * <p>The owner follows from the name (ADR 0006, {@link Namespaces#owner}): the session's user for a personal name,
 * {@code <address>} for {@code Other Users/<address>/...}, and nobody for a public folder, whose owners are only
 * those holding {@code a}: there every identifier has no required right.
 */
public final class ListRightsProcessor extends BaseProcessor<ListRightsRequest> {

    public ListRightsProcessor() {
        super("LISTRIGHTS", ListRightsRequest.class, ImapState.AUTHENTICATED_OR_SELECTED);
    }

    @Override
    public void process(ListRightsRequest request, ImapContext ctx) throws MailboxException {
        String path = ImapResponses.path(request.mailbox(), ctx);
        String account = ctx.requireAccount();
        if (ctx.store().myRights(account, path).indexOf('a') < 0) {
            throw new MailboxException(MailboxException.Code.NOPERM, "You may not administer this mailbox");
        }
        StringBuilder line = new StringBuilder("LISTRIGHTS ").append(ImapResponses.mailbox(path, ctx)).append(' ')
                .append(AclRights.astring(request.identifier()));
        Optional<String> owner = Namespaces.owner(account, path);
        if (owner.isPresent() && request.identifier().equalsIgnoreCase(owner.get())) {
            line.append(' ').append(AclRights.ALL);
        } else {
            line.append(" \"\"");
            for (int i = 0; i < AclRights.ALL.length(); i++) {
                line.append(' ').append(AclRights.ALL.charAt(i));
            }
        }
        ctx.untagged(line.toString());
        ctx.ok(request.tag(), "LISTRIGHTS completed");
    }
}
