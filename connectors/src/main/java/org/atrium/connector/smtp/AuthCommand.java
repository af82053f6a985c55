package org.atrium.connector.smtp;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.atrium.connector.net.Line;

/**
 * AUTH mechanism [initial-response] (RFC 4954 §4) on the submission listeners, with the mechanisms PLAIN (RFC 4616)
 * and LOGIN (the de-facto one: {@code 334 VXNlcm5hbWU6} "Username:", then {@code 334 UGFzc3dvcmQ6} "Password:").
 *
 * <p>Replies: {@code 235 2.7.0} success; {@code 535 5.7.8} bad credentials, answered late by the store (the delay
 * grows with the failures counted for the login); {@code 538 5.7.11} when the connection is not under TLS (RFC 4954
 * §6) and plaintext AUTH is not allowed for this client; {@code 503 5.5.1} for a second AUTH (§4: "After a
 * successful AUTH command completes, a server MUST reject any further AUTH commands") and, by the state table, for
 * AUTH during a transaction; {@code 504 5.5.4} for an unknown mechanism; {@code 501 5.0.0} when the client cancels
 * with {@code *}; {@code 501 5.5.2} for a response that is not base64 (§4); {@code 454 4.7.0} when the store cannot
 * decide now; {@code 502 5.5.1} on the MX listener, which offers no AUTH. An authorization identity other than the
 * authentication identity (PLAIN's authzid, RFC 4616 §2) is refused with 535: proxy authorization is not offered.
 * Right credentials of an account whose class of service does not allow submission (ADR 0016) get 535 5.7.8 at
 * once, with a text that says so, and count as no failure.
 *
 * <p>The log line says mechanism, login and outcome; neither the password nor the base64 responses are ever logged.
 */
final class AuthCommand implements SmtpCommand {

    /** RFC 4954 §4: SASL response lines of at least 12288 octets should be taken (without CR LF here). */
    static final int MAX_RESPONSE_LINE = 12286;

    /** The state of an AUTH exchange between two lines: which mechanism, and the LOGIN user name once given. */
    record Exchange(String mechanism, String login) {
    }

    private static final String USERNAME_PROMPT = "VXNlcm5hbWU6";
    private static final String PASSWORD_PROMPT = "UGFzc3dvcmQ6";

    @Override
    public void execute(SmtpSession session, String argument) {
        if (!session.submission()) {
            session.reply(502, "5.5.1", "Error: authentication not enabled");
            return;
        }
        if (session.authenticatedUser() != null) {
            session.reply(503, "5.5.1", "Error: already authenticated");
            return;
        }
        if (!session.authOffered()) {
            session.log(Level.INFO, "auth-refused", "reason=no-tls outcome=538");
            session.reply(538, "5.7.11", "Encryption required for requested authentication mechanism");
            return;
        }
        String[] parts = argument.strip().split(" ", -1);
        if (parts.length > 2 || parts[0].isEmpty()) {
            session.reply(501, "5.5.4", "Syntax: AUTH mechanism [initial-response]");
            return;
        }
        String mechanism = parts[0].toUpperCase(Locale.ROOT);
        String initial = parts.length == 2 ? parts[1] : null;
        switch (mechanism) {
            case "PLAIN" -> {
                if (initial == null) {
                    session.awaitAuthResponse(new Exchange(mechanism, null));
                    session.reply(SmtpReply.of(334, null, ""));
                } else {
                    plain(session, initial);
                }
            }
            case "LOGIN" -> {
                if (initial == null) {
                    session.awaitAuthResponse(new Exchange(mechanism, null));
                    session.reply(SmtpReply.of(334, null, USERNAME_PROMPT));
                } else {
                    loginName(session, initial);
                }
            }
            default -> session.reply(504, "5.5.4", "Unrecognized authentication type");
        }
    }

    /** The client's line after a 334 challenge. */
    static void respond(SmtpSession session, Exchange exchange, Line line) {
        if (line.ending() == Line.Ending.TOO_LONG || line.hasBareCr()) {
            session.reply(501, "5.5.2", "Invalid authentication response");
            return;
        }
        String text = line.text().strip();
        if (text.equals("*")) {
            session.log(Level.INFO, "auth-cancelled", "mechanism=" + exchange.mechanism());
            session.reply(501, "5.0.0", "Authentication cancelled");
            return;
        }
        if (exchange.mechanism().equals("PLAIN")) {
            plain(session, text);
        } else if (exchange.login() == null) {
            loginName(session, text);
        } else {
            byte[] password = decode(text);
            if (password == null) {
                session.reply(501, "5.5.2", "Invalid base64 data");
                return;
            }
            verify(session, "LOGIN", exchange.login(), new String(password, StandardCharsets.UTF_8));
        }
    }

    /** RFC 4616 §2: message = [authzid] NUL authcid NUL passwd; "=" is an empty initial response (RFC 4954 §4). */
    private static void plain(SmtpSession session, String response) {
        byte[] bytes = response.equals("=") ? new byte[0] : decode(response);
        if (bytes == null) {
            session.reply(501, "5.5.2", "Invalid base64 data");
            return;
        }
        String message = new String(bytes, StandardCharsets.UTF_8);
        int first = message.indexOf('\0');
        int second = first < 0 ? -1 : message.indexOf('\0', first + 1);
        if (second < 0 || message.indexOf('\0', second + 1) >= 0) {
            session.log(Level.INFO, "auth-failed", "mechanism=PLAIN reason=malformed outcome=501");
            session.reply(501, "5.5.2", "Invalid PLAIN response");
            return;
        }
        String authzid = message.substring(0, first);
        String authcid = message.substring(first + 1, second);
        String password = message.substring(second + 1);
        if (!authzid.isEmpty() && !authzid.equalsIgnoreCase(authcid)) {
            session.log(Level.INFO, "auth-failed", "mechanism=PLAIN login=" + shown(authcid)
                    + " reason=authzid outcome=535");
            session.reply(535, "5.7.8", "Authentication credentials invalid");
            return;
        }
        verify(session, "PLAIN", authcid, password);
    }

    private static void loginName(SmtpSession session, String response) {
        byte[] name = decode(response);
        if (name == null) {
            session.reply(501, "5.5.2", "Invalid base64 data");
            return;
        }
        session.awaitAuthResponse(new Exchange("LOGIN", new String(name, StandardCharsets.UTF_8)));
        session.reply(SmtpReply.of(334, null, PASSWORD_PROMPT));
    }

    private static void verify(SmtpSession session, String mechanism, String login, String password) {
        if (login.isBlank() || password.isEmpty()) {
            session.log(Level.INFO, "auth-failed", "mechanism=" + mechanism + " login=" + shown(login)
                    + " reason=empty outcome=535");
            session.reply(535, "5.7.8", "Authentication credentials invalid");
            return;
        }
        Optional<String> user;
        Optional<String> refusal;
        try {
            user = session.intake().authenticate(login.strip(), password, session.connection().remoteIp());
            refusal = user == null || user.isEmpty() ? Optional.empty()
                    : session.intake().loginRefusal(user.get(), session.connection().remoteIp());
        } catch (RuntimeException e) {
            session.log(Level.ERROR, "auth-failed", "mechanism=" + mechanism + " login=" + shown(login)
                    + " reason=store-error outcome=454", e);
            session.reply(454, "4.7.0", "Temporary authentication failure");
            return;
        }
        if (user == null || user.isEmpty()) {
            session.log(Level.INFO, "auth-failed", "mechanism=" + mechanism + " login=" + shown(login)
                    + " outcome=535");
            session.reply(535, "5.7.8", "Authentication credentials invalid");
            return;
        }
        if (refusal != null && refusal.isPresent()) {
            // ADR 0016: the credentials are right, the account's class of service does not allow SMTP AUTH
            session.log(Level.INFO, "auth-refused", "mechanism=" + mechanism + " login=" + shown(login)
                    + " reason=protocol-not-allowed class-of-service=" + shown(refusal.get()) + " outcome=535");
            session.reply(535, "5.7.8", "Authentication succeeded but mail submission is not enabled for this "
                    + "account");
            return;
        }
        session.authenticated(user.get());
        session.log(Level.INFO, "auth", "mechanism=" + mechanism + " outcome=235");
        session.reply(235, "2.7.0", "Authentication successful");
    }

    /** Strict base64 (RFC 4648 §4); null when the text is not. */
    private static byte[] decode(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A client-chosen login, shortened and stripped of anything that could garble a log line. */
    static String shown(String login) {
        String s = login.length() > 64 ? login.substring(0, 64) : login;
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> sb.appendCodePoint(c > ' ' && c != 0x7f ? c : '?'));
        return sb.toString();
    }
}
