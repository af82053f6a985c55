package org.atrium.connector.imap;

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
            ctx.event("client id name=" + ImapSession.loggable(name)
                    + (version == null ? "" : " version=" + ImapSession.loggable(version)));
        }
        ctx.untagged("ID (\"name\" \"Atrium\" \"version\" \"0.1\")");
        ctx.ok(request.tag(), "ID completed");
    }
}
