package org.atrium.connector.imap;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.atrium.connector.net.LogValues;

/**
 * AUTHENTICATE (RFC 3501 §6.2.2) with the PLAIN mechanism (RFC 4616) and the SASL-IR initial response (RFC 4959).
 *
 * <p>Without an initial response the server sends an empty continuation ({@code + }) and reads the client's base64
 * response itself, outside the command reader. {@code *} cancels ({@code tag BAD}, §6.2.2). The response is
 * {@code [authzid] NUL authcid NUL passwd}; an authorization identity other than the authentication identity is
 * refused, since proxy authorization is not offered. Failures answer as LOGIN does.
 */
public final class AuthenticateProcessor extends BaseProcessor<AuthenticateRequest> {

    public AuthenticateProcessor() {
        super("AUTHENTICATE", AuthenticateRequest.class, ImapState.NOT_AUTHENTICATED_ONLY);
    }

    @Override
    public void process(AuthenticateRequest request, ImapContext ctx) {
        if (!request.mechanism().equals("PLAIN")) {
            ctx.no(request.tag(), "Unsupported authentication mechanism");
            return;
        }
        if (request.initialResponse() == null) {
            ctx.continuation("");
            ctx.awaitContinuation(request.tag(), (line, c) -> respond(request.tag(), line, c));
            return;
        }
        respond(request.tag(), request.initialResponse(), ctx);
    }

    private static void respond(String tag, String base64, ImapContext ctx) {
        if (base64.equals("*")) {
            ctx.bad(tag, "AUTHENTICATE cancelled");
            return;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            ctx.bad(tag, "Invalid base64 in SASL response");
            return;
        }
        String[] parts = new String(decoded, StandardCharsets.UTF_8).split("\u0000", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            ctx.bad(tag, "Invalid PLAIN response");
            return;
        }
        if (!parts[0].isEmpty() && !parts[0].equals(parts[1])) {
            ctx.event("AUTHENTICATE failed: authorization identity differs user=" + LogValues.loggable(parts[1]));
            ctx.no(tag, "AUTHORIZATIONFAILED", "Proxy authorization is not permitted");
            return;
        }
        LoginProcessor.authenticate(tag, parts[1], parts[2], ctx, "AUTHENTICATE");
    }
}
