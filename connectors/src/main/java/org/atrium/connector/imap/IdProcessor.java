package org.atrium.connector.imap;

import org.atrium.connector.net.LogValues;

/**
 * ID (RFC 2971 §3.1): names the server; the client's name and version go to the log, nothing else of what it sent.
 */
public final class IdProcessor extends BaseProcessor<IdRequest> {

    public IdProcessor() {
        super("ID", IdRequest.class, ImapState.ANY);
    }

    @Override
    public void process(IdRequest request, ImapContext ctx) {
        String name = request.parameters().get("name");
        String version = request.parameters().get("version");
        if (name != null) {
            ctx.event("client id name=" + LogValues.loggable(name)
                    + (version == null ? "" : " version=" + LogValues.loggable(version)));
        }
        ctx.untagged("ID (\"name\" \"Atrium\" \"version\" \"0.1\")");
        ctx.ok(request.tag(), "ID completed");
    }
}
