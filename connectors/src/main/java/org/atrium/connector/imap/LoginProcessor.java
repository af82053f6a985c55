package org.atrium.connector.imap;

import java.util.Optional;
import java.util.Set;
import org.atrium.connector.net.LogValues;

/**
 * LOGIN (RFC 3501 §6.2.3). Failure is {@code NO [AUTHENTICATIONFAILED]} (RFC 5530 §3) whatever the reason, so a
 * client cannot tell an unknown user from a wrong password; throttling of failures is the store's. A store outage is
 * {@code NO [UNAVAILABLE]}. A user whose password is right but whose class of service does not allow IMAP (ADR 0016)
 * gets {@code NO [CONTACTADMIN]} (RFC 5530 §3): telling him is safe, he proved who he is. The password appears in no
 * response and no log line.
 */
public final class LoginProcessor implements ImapProcessor<LoginRequest> {

    @Override
    public String name() {
        return "LOGIN";
    }

    @Override
    public Class<LoginRequest> requestType() {
        return LoginRequest.class;
    }

    @Override
    public Set<ImapState> validIn() {
        return ImapState.NOT_AUTHENTICATED_ONLY;
    }

    @Override
    public void process(LoginRequest request, ImapContext ctx) {
        authenticate(request.tag(), request.user(), request.password(), ctx, "LOGIN");
    }

    /** Shared with AUTHENTICATE PLAIN: checks the credentials and answers the tagged response. */
    static void authenticate(String tag, String user, String password, ImapContext ctx, String command) {
        Optional<String> account;
        Optional<String> refusal;
        try {
            account = ctx.store().authenticate(user, password, ctx.connection().remoteIp());
            refusal = account.isEmpty() ? Optional.empty()
                    : ctx.store().loginRefusal(account.get(), ctx.connection().remoteIp());
        } catch (RuntimeException e) {
            ctx.event(command + " failed: authentication service error user=" + LogValues.loggable(user) + " ("
                    + e.getClass().getSimpleName() + ")");
            ctx.no(tag, "UNAVAILABLE", "Authentication service unavailable, try again later");
            return;
        }
        if (account.isEmpty()) {
            ctx.event(command + " failed user=" + LogValues.loggable(user));
            ctx.no(tag, "AUTHENTICATIONFAILED", "Authentication failed");
            return;
        }
        if (refusal.isPresent()) {
            ctx.event(command + " refused: protocol not allowed by class of service " + LogValues.loggable(
                    refusal.get()) + " user=" + LogValues.loggable(account.get()));
            ctx.no(tag, "CONTACTADMIN", "IMAP access is not enabled for this account");
            return;
        }
        ctx.authenticated(account.get());
        ctx.event(command + " ok user=" + LogValues.loggable(account.get()));
        ctx.ok(tag, "CAPABILITY " + String.join(" ", ctx.capabilities()), command + " completed");
    }
}
