package org.atrium.connector.imap;

import java.util.Set;

/** CAPABILITY (RFC 3501 §6.1.1): the list {@link ImapCapabilities} derived from the registered processors. */
public final class CapabilityProcessor extends SimpleProcessor {

    public CapabilityProcessor() {
        super(SimpleCommand.CAPABILITY);
    }

    @Override
    public Set<ImapState> validIn() {
        return ImapState.ANY;
    }

    @Override
    public void process(SimpleRequest request, ImapContext ctx) {
        ctx.untagged("CAPABILITY " + String.join(" ", ctx.capabilities()));
        ctx.ok(request.tag(), "CAPABILITY completed");
    }
}
