package org.atrium.connector.smtp;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The commands this server knows (RFC 5321 §4.1.1, §4.5.1; STARTTLS RFC 3207 §4, AUTH RFC 4954 §4). Verbs are
 * case-insensitive (RFC 5321 §2.4).
 */
public enum SmtpVerb {
    EHLO, HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT, HELP, VRFY, EXPN, STARTTLS, AUTH;

    private static final Map<String, SmtpVerb> BY_NAME =
            Stream.of(values()).collect(Collectors.toUnmodifiableMap(Enum::name, Function.identity()));

    /** The verb named by {@code word}, in any case; empty for an unknown command. */
    public static Optional<SmtpVerb> parse(String word) {
        return Optional.ofNullable(BY_NAME.get(word.toUpperCase(Locale.ROOT)));
    }
}
