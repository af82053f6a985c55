package org.atrium.connector.imap;

import java.util.Set;

/**
 * NAMESPACE (RFC 2342 §5; RFC 9051 §6.3.10 under IMAP4rev2, same response): the personal namespace with no prefix,
 * the other users' namespace {@code "Other Users/"} and the shared one {@code "Public Folders/"}, all with {@code /}
 * as delimiter (ADR 0006, {@link Namespaces}); the shared one is NIL for a user whose class of service denies public
 * folders (ADR 0016).
 */
public final class NamespaceProcessor extends SimpleProcessor {

    public NamespaceProcessor() {
        super(SimpleCommand.NAMESPACE);
    }

    @Override
    public Set<ImapState> validIn() {
        return ImapState.AUTHENTICATED_OR_SELECTED;
    }

    @Override
    public void process(SimpleRequest request, ImapContext ctx) {
        ctx.untagged(Namespaces.response(ctx.store().publicFoldersVisible(ctx.requireAccount())));
        ctx.ok(request.tag(), "NAMESPACE completed");
    }
}
