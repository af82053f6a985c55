package org.atrium.connector.imap;

import java.util.Set;

/**
 * NAMESPACE (RFC 2342 §5): one personal namespace with no prefix and {@code /} as delimiter, no other users' or
 * shared namespaces.
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
        ctx.untagged("NAMESPACE ((\"\" \"/\")) NIL NIL");
        ctx.ok(request.tag(), "NAMESPACE completed");
    }
}
