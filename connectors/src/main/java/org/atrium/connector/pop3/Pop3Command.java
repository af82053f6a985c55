package org.atrium.connector.pop3;

/**
 * One POP3 command (RFC 1939 §4-§7, RFC 2449 §5). Implementations are stateless singletons shared by every session:
 * everything they read or change lives in the {@link Pop3Session} passed in.
 *
 * <p>The session checks, before {@link #execute}, that the state allows the verb ({@link Pop3State}), that the
 * number of arguments is within {@link #minArguments()}..{@link #maxArguments()}, and that each argument respects the
 * RFC 2449 §4 length limit, so a command only validates what its arguments mean.
 */
interface Pop3Command {

    /** The keyword, upper case. */
    String verb();

    default int minArguments() {
        return 0;
    }

    default int maxArguments() {
        return 0;
    }

    /**
     * Whether the command takes the rest of the line as one argument, bounded only by the line limit.
     *
     * <p>True for USER and PASS: RFC 1939 §7 lets a password contain spaces, and real account names (e-mail
     * addresses) and passphrases are routinely longer than RFC 2449's 40 characters. Refusing them would lock those
     * users out, while the 255-octet line limit already bounds memory, which is what the 40-character rule protects.
     */
    default boolean takesRawArgument() {
        return false;
    }

    void execute(Pop3Session session, Pop3Request request);
}
